-- The tables' version log (Orleans.Poker.Grains.Storage.NpgsqlTableJournal): every version a table stores claims its
-- row; a move in the hand in play is stored as just that (move: a few bytes), any other change as a row without a
-- move followed by the whole state in grain storage. A table loaded from grain storage makes again the moves after
-- its stored version. The primary key is the fence: a version is claimed once.
-- Rows are swept an hour after a later whole state (the BRIN index on the insert time keeps that cheap).
-- Expand-only for the schema, but not for the data: an older release loads a table's whole state without its later
-- moves, so going back to one needs the pre-update backup (poker-deploy rollback restores it).
CREATE TABLE IF NOT EXISTS table_journal (
    table_id text NOT NULL,
    version bigint NOT NULL,
    move bytea NULL,
    at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (table_id, version)
);

CREATE INDEX IF NOT EXISTS table_journal_at_ix ON table_journal USING brin (at);
