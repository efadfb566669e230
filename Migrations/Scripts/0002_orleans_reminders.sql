-- Orleans reminders on PostgreSQL (Microsoft.Orleans.Reminders.AdoNet, invariant "Npgsql").
--
-- Query texts are read from `orleansquery` (created by 0001) by key. Named parameters:
--   ServiceId text, GrainId text, ReminderName text, StartTime timestamptz,
--   Period int or bigint milliseconds, GrainHash / BeginHash / EndHash int (uint hashes cast
--   to int), Version int (the etag).
-- Rows are read back by the column names GrainId, ReminderName, StartTime, Period (bigint) and
-- Version; upsert returns Version (the new etag); deleting one row returns a single boolean.
-- Range reads: when BeginHash < EndHash the provider asks for (BeginHash, EndHash], otherwise
-- for the wrapped range outside (EndHash, BeginHash].

CREATE TABLE orleansreminders
(
    serviceid    varchar(150) NOT NULL,
    grainid      varchar(512) NOT NULL,
    remindername varchar(150) NOT NULL,
    starttime    timestamptz  NOT NULL,
    period       bigint       NOT NULL,
    grainhash    integer      NOT NULL,
    version      integer      NOT NULL,
    CONSTRAINT orleansreminders_pk PRIMARY KEY (serviceid, grainid, remindername)
);

COMMENT ON TABLE orleansreminders IS 'Orleans reminders, one row per (service, grain, reminder name).';

-- Each silo reads the reminders of its hash range.
CREATE INDEX orleansreminders_service_hash_ix ON orleansreminders (serviceid, grainhash);

-- The rows as the provider reads them (by these column names), plus the columns the reads filter on.
CREATE VIEW orleansreminder_rows AS
SELECT r.serviceid,
       r.grainhash,
       r.grainid      AS "GrainId",
       r.remindername AS "ReminderName",
       r.starttime    AS "StartTime",
       r.period       AS "Period",
       r.version      AS "Version"
  FROM orleansreminders AS r;

INSERT INTO orleansquery (querykey, querytext) VALUES
('UpsertReminderRowKey', '
INSERT INTO orleansreminders AS r (serviceid, grainid, remindername, starttime, period, grainhash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period::bigint, @GrainHash, 0)
ON CONFLICT ON CONSTRAINT orleansreminders_pk DO UPDATE
   SET starttime = excluded.starttime,
       period    = excluded.period,
       grainhash = excluded.grainhash,
       version   = r.version + 1
RETURNING r.version AS "Version"'),

('ReadReminderRowsKey', '
SELECT * FROM orleansreminder_rows
 WHERE serviceid = @ServiceId
   AND "GrainId" = @GrainId'),

('ReadReminderRowKey', '
SELECT * FROM orleansreminder_rows
 WHERE serviceid = @ServiceId
   AND "GrainId" = @GrainId
   AND "ReminderName" = @ReminderName'),

('ReadRangeRows1Key', '
SELECT * FROM orleansreminder_rows
 WHERE serviceid = @ServiceId
   AND grainhash > @BeginHash
   AND grainhash <= @EndHash'),

('ReadRangeRows2Key', '
SELECT * FROM orleansreminder_rows
 WHERE serviceid = @ServiceId
   AND (grainhash > @BeginHash OR grainhash <= @EndHash)'),

('DeleteReminderRowKey', '
WITH deleted AS (
    DELETE FROM orleansreminders AS r
     WHERE r.serviceid = @ServiceId
       AND r.grainid = @GrainId
       AND r.remindername = @ReminderName
       AND r.version = @Version
    RETURNING 1)
SELECT count(*) > 0 AS "Deleted" FROM deleted'),

('DeleteReminderRowsKey', '
DELETE FROM orleansreminders AS r
 WHERE r.serviceid = @ServiceId');
