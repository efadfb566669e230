-- The lobby partitions' table summaries (Orleans.Poker.Grains.Storage.NpgsqlLobbyStore): one row per open table, its
-- TableSummary as the Orleans serializer writes it. A change to a table's summary writes its row alone; before, each
-- of the 8 partitions kept all its summaries in one orleansstorage row and wrote it whole on every change (O(n) per
-- change, O(n^2) to create n tables). A partition that activates with summaries in that grain state (written by an
-- earlier release) moves them here, then clears the state.
-- Expand-only for the schema, but not for the data: an earlier release reads the lobby from the cleared grain state and
-- lists only the tables that report to it again, so going back to one needs the pre-update backup (poker-deploy
-- rollback restores it).
CREATE TABLE IF NOT EXISTS lobby_tables (
    partition integer NOT NULL,
    table_id text NOT NULL,
    summary bytea NOT NULL,
    PRIMARY KEY (partition, table_id)
);
