-- Seat hygiene (#17): a player sitting out longer than the table allows is stood up, and the seat history says so.
ALTER TABLE seat_history DROP CONSTRAINT seat_history_left_reason_ck;
ALTER TABLE seat_history ADD CONSTRAINT seat_history_left_reason_ck
    CHECK ((left_at IS NULL) = (left_reason IS NULL)
           AND (left_reason IS NULL OR left_reason IN ('left', 'removed', 'busted', 'table_closed', 'sat_out', 'unknown')));
