-- Orleans grain persistence on PostgreSQL (Microsoft.Orleans.Persistence.AdoNet, invariant "Npgsql").
--
-- The provider runs no SQL of its own: at start-up it reads query texts from `orleansquery` by key
-- and later executes them with these named parameters:
--   GrainIdHash int, GrainIdN0 bigint, GrainIdN1 bigint, GrainTypeHash int,
--   GrainTypeString text, GrainIdExtensionString text (may be NULL), ServiceId text,
--   GrainStateVersion int (NULL before the first write), PayloadBinary bytea.
-- It reads back, by column name: PayloadBinary and Version (read), NewGrainStateVersion (write),
-- and the first column (clear). A version equal to the one it sent (or none at all) means another
-- writer got there first; the provider then raises InconsistentStateException.
-- Rows are keyed by ServiceId: keep the cluster's ServiceId stable.
-- The optional 'DeleteStorageKey' query (DeleteStateOnClear = true) is not provided: clearing keeps a
-- row with an empty payload and a bumped version.

CREATE TABLE orleansquery
(
    querykey  varchar(64) NOT NULL,
    querytext text        NOT NULL,
    CONSTRAINT orleansquery_pk PRIMARY KEY (querykey)
);

COMMENT ON TABLE orleansquery IS 'Query texts the Orleans ADO.NET providers execute, by key.';

CREATE TABLE orleansstorage
(
    serviceid              varchar(150) NOT NULL,
    graintypehash          integer      NOT NULL,
    graintypestring        varchar(512) NOT NULL,
    grainidhash            integer      NOT NULL,
    grainidn0              bigint       NOT NULL,
    grainidn1              bigint       NOT NULL,
    grainidextensionstring varchar(512),
    payloadbinary          bytea,
    version                integer      NOT NULL,
    modifiedon             timestamptz  NOT NULL DEFAULT now(),
    -- One row per grain state. NULLS NOT DISTINCT (PostgreSQL 15+) makes grains without a key
    -- extension unique too, so the first write of a state can rely on ON CONFLICT.
    CONSTRAINT orleansstorage_grain_uq UNIQUE NULLS NOT DISTINCT
        (grainidhash, graintypehash, grainidn0, grainidn1, serviceid, graintypestring, grainidextensionstring)
);

COMMENT ON TABLE orleansstorage IS 'Orleans grain state, one row per (service, grain type, grain id).';

-- Replaces the payload (NULL clears it) and bumps the version when the stored version is the expected
-- one. Returns the new version, or the expected version when nothing changed.
CREATE FUNCTION orleans_replace_state(
    p_grainidhash            integer,
    p_grainidn0              bigint,
    p_grainidn1              bigint,
    p_graintypehash          integer,
    p_graintypestring        varchar,
    p_grainidextensionstring varchar,
    p_serviceid              varchar,
    p_expected_version       integer,
    p_payloadbinary          bytea)
    RETURNS integer
    LANGUAGE plpgsql
AS $$
DECLARE
    v_version integer;
BEGIN
    UPDATE orleansstorage AS s
       SET payloadbinary = p_payloadbinary,
           version       = s.version + 1,
           modifiedon    = now()
     WHERE s.grainidhash = p_grainidhash
       AND s.graintypehash = p_graintypehash
       AND s.grainidn0 = p_grainidn0
       AND s.grainidn1 = p_grainidn1
       AND s.serviceid = p_serviceid
       AND s.graintypestring = p_graintypestring
       AND s.grainidextensionstring IS NOT DISTINCT FROM p_grainidextensionstring
       AND s.version = p_expected_version
    RETURNING s.version INTO v_version;

    RETURN coalesce(v_version, p_expected_version);
END;
$$;

-- Write: insert on the first write (expected version NULL), else replace. Returns the new version,
-- or NULL / the expected version when another writer got there first.
CREATE FUNCTION orleans_write_state(
    p_grainidhash            integer,
    p_grainidn0              bigint,
    p_grainidn1              bigint,
    p_graintypehash          integer,
    p_graintypestring        varchar,
    p_grainidextensionstring varchar,
    p_serviceid              varchar,
    p_expected_version       integer,
    p_payloadbinary          bytea)
    RETURNS integer
    LANGUAGE plpgsql
AS $$
DECLARE
    v_version integer;
BEGIN
    IF p_expected_version IS NOT NULL THEN
        RETURN orleans_replace_state(p_grainidhash, p_grainidn0, p_grainidn1, p_graintypehash, p_graintypestring,
                                     p_grainidextensionstring, p_serviceid, p_expected_version, p_payloadbinary);
    END IF;

    INSERT INTO orleansstorage AS s
        (serviceid, graintypehash, graintypestring, grainidhash, grainidn0, grainidn1,
         grainidextensionstring, payloadbinary, version, modifiedon)
    VALUES
        (p_serviceid, p_graintypehash, p_graintypestring, p_grainidhash, p_grainidn0, p_grainidn1,
         p_grainidextensionstring, p_payloadbinary, 1, now())
    ON CONFLICT ON CONSTRAINT orleansstorage_grain_uq DO NOTHING
    RETURNING s.version INTO v_version;

    RETURN v_version;
END;
$$;

INSERT INTO orleansquery (querykey, querytext) VALUES
('ReadFromStorageKey', '
SELECT s.payloadbinary AS "PayloadBinary",
       s.version       AS "Version"
  FROM orleansstorage AS s
 WHERE s.grainidhash = @GrainIdHash
   AND s.graintypehash = @GrainTypeHash
   AND s.grainidn0 = @GrainIdN0
   AND s.grainidn1 = @GrainIdN1
   AND s.serviceid = @ServiceId
   AND s.graintypestring = @GrainTypeString
   AND s.grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString'),

('WriteToStorageKey', '
SELECT orleans_write_state(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
                           @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary)
       AS "NewGrainStateVersion"'),

('ClearStorageKey', '
SELECT orleans_replace_state(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
                             @GrainIdExtensionString, @ServiceId, @GrainStateVersion, NULL)
       AS "Version"');
