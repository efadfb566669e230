-- Application schema v1: players and their chips, table templates and tables, seats and waitlists,
-- hand histories, analytics and the admin audit log.
--
-- Ids are text: they are the keys of the grains that own the rows (player, template, table), so the
-- grains choose their format. Amounts are whole chips (bigint). Times are timestamptz (UTC).

-- Rows of an append-only table are never changed or removed: corrections are new rows.
CREATE FUNCTION poker_reject_change() RETURNS trigger
    LANGUAGE plpgsql
AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;

-- Players ------------------------------------------------------------------------------------------

CREATE TABLE players
(
    player_id         text        NOT NULL,
    telegram_user_id  bigint,                 -- NULL for robot players
    telegram_username text,
    display_name      text        NOT NULL,
    language_code     text        NOT NULL DEFAULT 'en',
    flags             text[]      NOT NULL DEFAULT '{}',  -- e.g. admin, banned, robot
    created_at        timestamptz NOT NULL DEFAULT now(),
    last_seen_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT players_pk PRIMARY KEY (player_id),
    CONSTRAINT players_telegram_user_id_uq UNIQUE (telegram_user_id),
    CONSTRAINT players_display_name_ck CHECK (length(display_name) BETWEEN 1 AND 64)
);

CREATE TABLE wallets
(
    player_id  text        NOT NULL,
    balance    bigint      NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT wallets_pk PRIMARY KEY (player_id),
    CONSTRAINT wallets_player_fk FOREIGN KEY (player_id) REFERENCES players (player_id),
    CONSTRAINT wallets_balance_ck CHECK (balance >= 0)
);

-- Templates and tables ------------------------------------------------------------------------------

-- Editing a template makes a new version; tables keep the version they were created from.
CREATE TABLE table_templates
(
    template_id text        NOT NULL,
    version     integer     NOT NULL,
    name        text        NOT NULL,
    variant     text        NOT NULL,
    config      jsonb       NOT NULL,
    is_active   boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    created_by  text,
    CONSTRAINT table_templates_pk PRIMARY KEY (template_id, version),
    CONSTRAINT table_templates_version_ck CHECK (version > 0)
);

CREATE INDEX table_templates_active_ix ON table_templates (template_id) WHERE is_active;

CREATE TABLE tables
(
    table_id         text        NOT NULL,
    template_id      text        NOT NULL,
    template_version integer     NOT NULL,
    name             text,
    table_type       text        NOT NULL,
    status           text        NOT NULL DEFAULT 'waiting',
    invite_code      text,                    -- set for private tables
    created_at       timestamptz NOT NULL DEFAULT now(),
    expires_at       timestamptz,             -- set for expiring tables
    ended_at         timestamptz,
    CONSTRAINT tables_pk PRIMARY KEY (table_id),
    CONSTRAINT tables_template_fk FOREIGN KEY (template_id, template_version)
        REFERENCES table_templates (template_id, version),
    CONSTRAINT tables_type_ck CHECK (table_type IN ('persistent', 'expiring', 'sit_and_go')),
    CONSTRAINT tables_status_ck CHECK (status IN ('waiting', 'active', 'paused', 'ended')),
    CONSTRAINT tables_expiry_ck CHECK (table_type <> 'expiring' OR expires_at IS NOT NULL),
    CONSTRAINT tables_invite_code_uq UNIQUE (invite_code)
);

CREATE INDEX tables_status_ix ON tables (status, created_at);
CREATE INDEX tables_template_ix ON tables (template_id, template_version);
CREATE INDEX tables_expires_at_ix ON tables (expires_at) WHERE expires_at IS NOT NULL AND status <> 'ended';

-- Ledger --------------------------------------------------------------------------------------------

-- Every change of a balance, with the transfer id that makes it idempotent. amount is signed
-- (+ credits the player's balance, - debits it); balance_after is the balance once applied.
CREATE TABLE ledger_transactions
(
    transaction_id bigint      GENERATED ALWAYS AS IDENTITY,
    transfer_id    text        NOT NULL,
    player_id      text        NOT NULL,
    kind           text        NOT NULL,
    amount         bigint      NOT NULL,
    balance_after  bigint      NOT NULL,
    table_id       text,
    hand_number    bigint,
    admin_id       text,                      -- who made an admin_adjustment or grant
    reason         text,
    created_at     timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT ledger_transactions_pk PRIMARY KEY (transaction_id),
    CONSTRAINT ledger_transactions_transfer_id_uq UNIQUE (transfer_id),
    CONSTRAINT ledger_transactions_player_fk FOREIGN KEY (player_id) REFERENCES players (player_id),
    CONSTRAINT ledger_transactions_table_fk FOREIGN KEY (table_id) REFERENCES tables (table_id),
    CONSTRAINT ledger_transactions_kind_ck
        CHECK (kind IN ('buy_in', 'cash_out', 'rake', 'admin_adjustment', 'top_up', 'grant')),
    CONSTRAINT ledger_transactions_balance_ck CHECK (balance_after >= 0),
    CONSTRAINT ledger_transactions_table_kinds_ck
        CHECK (kind NOT IN ('buy_in', 'cash_out', 'rake') OR table_id IS NOT NULL)
);

CREATE INDEX ledger_transactions_player_ix ON ledger_transactions (player_id, created_at);
CREATE INDEX ledger_transactions_table_ix ON ledger_transactions (table_id, created_at) WHERE table_id IS NOT NULL;

CREATE TRIGGER ledger_transactions_append_only
    BEFORE UPDATE OR DELETE ON ledger_transactions
    FOR EACH ROW EXECUTE FUNCTION poker_reject_change();

CREATE TRIGGER ledger_transactions_no_truncate
    BEFORE TRUNCATE ON ledger_transactions
    FOR EACH STATEMENT EXECUTE FUNCTION poker_reject_change();

-- Seats and waitlists -------------------------------------------------------------------------------

CREATE TABLE seat_history
(
    seat_history_id bigint      GENERATED ALWAYS AS IDENTITY,
    table_id        text        NOT NULL,
    seat_no         smallint    NOT NULL,
    player_id       text        NOT NULL,
    buy_in          bigint      NOT NULL,
    sat_at          timestamptz NOT NULL DEFAULT now(),
    left_at         timestamptz,
    cash_out        bigint,
    CONSTRAINT seat_history_pk PRIMARY KEY (seat_history_id),
    CONSTRAINT seat_history_table_fk FOREIGN KEY (table_id) REFERENCES tables (table_id),
    CONSTRAINT seat_history_player_fk FOREIGN KEY (player_id) REFERENCES players (player_id),
    CONSTRAINT seat_history_seat_no_ck CHECK (seat_no >= 0),
    CONSTRAINT seat_history_amounts_ck CHECK (buy_in >= 0 AND (cash_out IS NULL OR cash_out >= 0)),
    CONSTRAINT seat_history_left_ck CHECK (left_at IS NULL OR left_at >= sat_at)
);

-- While seated (left_at IS NULL): one player per seat, one seat per player at a table.
CREATE UNIQUE INDEX seat_history_open_seat_uq ON seat_history (table_id, seat_no) WHERE left_at IS NULL;
CREATE UNIQUE INDEX seat_history_open_player_uq ON seat_history (table_id, player_id) WHERE left_at IS NULL;
CREATE INDEX seat_history_player_ix ON seat_history (player_id, sat_at);

CREATE TABLE waitlist_history
(
    waitlist_history_id bigint      GENERATED ALWAYS AS IDENTITY,
    table_id            text        NOT NULL,
    player_id           text        NOT NULL,
    joined_at           timestamptz NOT NULL DEFAULT now(),
    left_at             timestamptz,
    outcome             text,                 -- NULL while waiting
    CONSTRAINT waitlist_history_pk PRIMARY KEY (waitlist_history_id),
    CONSTRAINT waitlist_history_table_fk FOREIGN KEY (table_id) REFERENCES tables (table_id),
    CONSTRAINT waitlist_history_player_fk FOREIGN KEY (player_id) REFERENCES players (player_id),
    CONSTRAINT waitlist_history_outcome_ck
        CHECK (outcome IS NULL OR outcome IN ('seated', 'left', 'offer_expired', 'removed', 'table_closed')),
    CONSTRAINT waitlist_history_left_ck CHECK ((left_at IS NULL) = (outcome IS NULL))
);

CREATE UNIQUE INDEX waitlist_history_waiting_uq ON waitlist_history (table_id, player_id) WHERE left_at IS NULL;
CREATE INDEX waitlist_history_table_ix ON waitlist_history (table_id, joined_at);
CREATE INDEX waitlist_history_player_ix ON waitlist_history (player_id, joined_at);

-- Hand histories ------------------------------------------------------------------------------------

-- The PHH text is the hand history; the other columns index it for queries.
CREATE TABLE hand_histories
(
    hand_id     bigint      GENERATED ALWAYS AS IDENTITY,
    table_id    text        NOT NULL,
    hand_number bigint      NOT NULL,
    variant     text        NOT NULL,
    started_at  timestamptz NOT NULL,
    ended_at    timestamptz NOT NULL,
    players     text[]      NOT NULL,         -- player ids in seat order
    pot         bigint      NOT NULL,
    rake        bigint      NOT NULL DEFAULT 0,
    phh         text        NOT NULL,
    CONSTRAINT hand_histories_pk PRIMARY KEY (hand_id),
    CONSTRAINT hand_histories_table_fk FOREIGN KEY (table_id) REFERENCES tables (table_id),
    CONSTRAINT hand_histories_hand_number_uq UNIQUE (table_id, hand_number),
    CONSTRAINT hand_histories_amounts_ck CHECK (pot >= 0 AND rake >= 0 AND rake <= pot),
    CONSTRAINT hand_histories_times_ck CHECK (ended_at >= started_at)
);

CREATE INDEX hand_histories_table_time_ix ON hand_histories (table_id, started_at);
CREATE INDEX hand_histories_started_ix ON hand_histories (started_at);
CREATE INDEX hand_histories_players_ix ON hand_histories USING gin (players);

-- Analytics -----------------------------------------------------------------------------------------

CREATE TABLE analytics_snapshots
(
    snapshot_id bigint      GENERATED ALWAYS AS IDENTITY,
    table_id    text        NOT NULL,
    taken_at    timestamptz NOT NULL DEFAULT now(),
    data        jsonb       NOT NULL,
    CONSTRAINT analytics_snapshots_pk PRIMARY KEY (snapshot_id),
    CONSTRAINT analytics_snapshots_table_fk FOREIGN KEY (table_id) REFERENCES tables (table_id)
);

CREATE INDEX analytics_snapshots_table_time_ix ON analytics_snapshots (table_id, taken_at);

-- One row per table and clock hour (hour_start is the start of the hour, UTC).
CREATE TABLE table_stats_hourly
(
    table_id         text        NOT NULL,
    hour_start       timestamptz NOT NULL,
    hands_played     integer     NOT NULL DEFAULT 0,
    distinct_players integer     NOT NULL DEFAULT 0,
    total_pot        bigint      NOT NULL DEFAULT 0,
    total_rake       bigint      NOT NULL DEFAULT 0,
    data             jsonb       NOT NULL DEFAULT '{}',
    updated_at       timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT table_stats_hourly_pk PRIMARY KEY (table_id, hour_start),
    CONSTRAINT table_stats_hourly_table_fk FOREIGN KEY (table_id) REFERENCES tables (table_id),
    CONSTRAINT table_stats_hourly_counts_ck
        CHECK (hands_played >= 0 AND distinct_players >= 0 AND total_pot >= 0 AND total_rake >= 0)
);

CREATE INDEX table_stats_hourly_hour_ix ON table_stats_hourly (hour_start);

CREATE TABLE insights
(
    insight_id bigint      GENERATED ALWAYS AS IDENTITY,
    table_id   text,
    player_id  text,
    kind       text        NOT NULL,
    severity   text        NOT NULL DEFAULT 'info',
    summary    text        NOT NULL,
    details    jsonb       NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT insights_pk PRIMARY KEY (insight_id),
    CONSTRAINT insights_table_fk FOREIGN KEY (table_id) REFERENCES tables (table_id),
    CONSTRAINT insights_player_fk FOREIGN KEY (player_id) REFERENCES players (player_id),
    CONSTRAINT insights_severity_ck CHECK (severity IN ('info', 'warning', 'critical'))
);

CREATE INDEX insights_created_ix ON insights (created_at);
CREATE INDEX insights_table_ix ON insights (table_id, created_at) WHERE table_id IS NOT NULL;

-- Admin audit log -----------------------------------------------------------------------------------

CREATE TABLE admin_audit_log
(
    audit_id    bigint      GENERATED ALWAYS AS IDENTITY,
    admin_id    text        NOT NULL,
    action      text        NOT NULL,
    target_type text,
    target_id   text,
    details     jsonb       NOT NULL DEFAULT '{}',
    at          timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT admin_audit_log_pk PRIMARY KEY (audit_id)
);

CREATE INDEX admin_audit_log_at_ix ON admin_audit_log (at);
CREATE INDEX admin_audit_log_target_ix ON admin_audit_log (target_type, target_id, at);
CREATE INDEX admin_audit_log_admin_ix ON admin_audit_log (admin_id, at);

CREATE TRIGGER admin_audit_log_append_only
    BEFORE UPDATE OR DELETE ON admin_audit_log
    FOR EACH ROW EXECUTE FUNCTION poker_reject_change();

CREATE TRIGGER admin_audit_log_no_truncate
    BEFORE TRUNCATE ON admin_audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION poker_reject_change();
