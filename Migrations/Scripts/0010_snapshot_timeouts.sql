-- Turn timeouts (#16): each table counts the turns of people the clock played and publishes the count in its summary;
-- every snapshot stores those since the previous snapshot (the timeout_surge insight reads the last hour's). Expand
-- only: rows written before, or by a version that does not know the column, count none.
ALTER TABLE analytics_snapshots ADD COLUMN timeouts integer NOT NULL DEFAULT 0;
ALTER TABLE analytics_snapshots ADD CONSTRAINT analytics_snapshots_timeouts_ck CHECK (timeouts >= 0);
