-- One row per player per stored hand: what the player's page, the leaderboards and the bot's /stats are computed from.
-- The hand-history store writes these rows in the same transaction as the hand_histories row (a hand stored again adds
-- nothing); net is the finishing minus the starting stack of the PHH (rake and all) — 0 at a sit-and-go, whose stacks
-- are tournament chips (its real result is the prize minus the fee, in the ledger) — and pot the hand's whole pot.
CREATE TABLE hand_players
(
    table_id    text        NOT NULL,
    hand_number bigint      NOT NULL,
    seat        smallint    NOT NULL,         -- index in hand_histories.players (0: the first player of the PHH)
    player_id   text        NOT NULL,
    variant     text        NOT NULL,
    ended_at    timestamptz NOT NULL,
    net         bigint      NOT NULL,
    pot         bigint      NOT NULL,
    CONSTRAINT hand_players_pk PRIMARY KEY (table_id, hand_number, seat),
    CONSTRAINT hand_players_hand_fk FOREIGN KEY (table_id, hand_number) REFERENCES hand_histories (table_id, hand_number),
    CONSTRAINT hand_players_seat_ck CHECK (seat >= 0),
    CONSTRAINT hand_players_pot_ck CHECK (pot >= 0)
);

CREATE INDEX hand_players_player_time_ix ON hand_players (player_id, ended_at);
CREATE INDEX hand_players_time_ix ON hand_players (ended_at);

-- Backfill: the hands stored before this script, from the PHH lines the product writes
-- ("starting_stacks = [200, 200]", "finishing_stacks = [190, 205]"). A hand whose PHH lacks either line, or whose
-- lists do not match its players, gets net 0, as the store does for such a hand.
INSERT INTO hand_players (table_id, hand_number, seat, player_id, variant, ended_at, net, pot)
SELECT h.table_id, h.hand_number, (p.seat - 1)::smallint, p.player_id, h.variant, h.ended_at,
       CASE WHEN t.table_type <> 'sit_and_go'
                 AND cardinality(s.starting) = cardinality(h.players) AND cardinality(s.finishing) = cardinality(h.players)
            THEN s.finishing[p.seat] - s.starting[p.seat]
            ELSE 0 END,
       h.pot
FROM hand_histories h
JOIN tables t ON t.table_id = h.table_id
CROSS JOIN LATERAL unnest(h.players) WITH ORDINALITY AS p(player_id, seat)
CROSS JOIN LATERAL (
    SELECT string_to_array(regexp_replace((regexp_match(h.phh, '(?n)^starting_stacks\s*=\s*\[([-0-9, ]*)\]'))[1], '\s', '', 'g'), ',')::bigint[] AS starting,
           string_to_array(regexp_replace((regexp_match(h.phh, '(?n)^finishing_stacks\s*=\s*\[([-0-9, ]*)\]'))[1], '\s', '', 'g'), ',')::bigint[] AS finishing
) s
ON CONFLICT DO NOTHING;
