-- Seat and waitlist history (#16) is written now: why a seat was left, and an outcome for rows whose end was never
-- recorded (a silo died with the event unwritten; a later seat or queue of the same player or seat closes them).
ALTER TABLE seat_history ADD COLUMN left_reason text;
ALTER TABLE seat_history ADD CONSTRAINT seat_history_left_reason_ck
    CHECK ((left_at IS NULL) = (left_reason IS NULL)
           AND (left_reason IS NULL OR left_reason IN ('left', 'removed', 'busted', 'table_closed', 'unknown')));

ALTER TABLE waitlist_history DROP CONSTRAINT waitlist_history_outcome_ck;
ALTER TABLE waitlist_history ADD CONSTRAINT waitlist_history_outcome_ck
    CHECK (outcome IS NULL OR outcome IN ('seated', 'left', 'offer_expired', 'removed', 'table_closed', 'unknown'));

-- The waits and seat times of a range are read by table and time.
CREATE INDEX seat_history_table_ix ON seat_history (table_id, sat_at);
