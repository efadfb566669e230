-- A broadcast reads the players the bot may message (they started the bot) page by page, by player id as a number:
-- a partial index on that order keeps each page a short index scan however many players never started the bot.
-- Expand-only: old code ignores it.
CREATE INDEX IF NOT EXISTS players_bot_chat_ix ON players ((player_id::bigint)) WHERE 'bot_chat' = ANY (flags);
