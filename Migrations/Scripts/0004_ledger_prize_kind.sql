-- Sit-and-go prizes get a ledger kind of their own (they were not a cash-out of a stack).
-- Like every table move, a prize names its table.
ALTER TABLE ledger_transactions DROP CONSTRAINT ledger_transactions_kind_ck;
ALTER TABLE ledger_transactions ADD CONSTRAINT ledger_transactions_kind_ck
    CHECK (kind IN ('buy_in', 'cash_out', 'rake', 'admin_adjustment', 'top_up', 'grant', 'prize'));

ALTER TABLE ledger_transactions DROP CONSTRAINT ledger_transactions_table_kinds_ck;
ALTER TABLE ledger_transactions ADD CONSTRAINT ledger_transactions_table_kinds_ck
    CHECK (kind NOT IN ('buy_in', 'cash_out', 'rake', 'prize') OR table_id IS NOT NULL);
