-- The admin console pages every player's transactions newest first (optionally by kind and time range): an index on
-- the time alone serves that order without sorting the whole ledger. Expand-only: old code ignores it.
CREATE INDEX IF NOT EXISTS ledger_transactions_created_ix ON ledger_transactions (created_at, transaction_id);
