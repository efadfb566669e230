using Npgsql;
using NpgsqlTypes;
using Orleans.Poker.Grains.Interfaces.Players;

namespace Orleans.Poker.Grains.Storage;

/// <summary>Player rows on PostgreSQL (<c>players</c>, plus the empty <c>wallets</c> row the ledger keeps up to date).</summary>
public sealed partial class NpgsqlPlayerStore(NpgsqlDataSource dataSource) : IPlayerStore
{
    public async Task UpsertAsync(PlayerProfile profile, DateTimeOffset seenAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var batch = dataSource.CreateBatch();
        await using (batch)
        {
            var upsert = new NpgsqlBatchCommand(
                """
                INSERT INTO players (player_id, telegram_user_id, telegram_username, display_name, language_code, flags, created_at, last_seen_at)
                VALUES (@player_id, @telegram_user_id, @telegram_username, @display_name, @language_code, @flags, @created_at, @seen_at)
                ON CONFLICT (player_id) DO UPDATE SET
                    telegram_user_id = EXCLUDED.telegram_user_id,
                    telegram_username = EXCLUDED.telegram_username,
                    display_name = EXCLUDED.display_name,
                    language_code = EXCLUDED.language_code,
                    flags = EXCLUDED.flags,
                    last_seen_at = EXCLUDED.last_seen_at
                """);
            upsert.Parameters.Add(SqlParameters.Param("player_id", NpgsqlDbType.Text, SqlParameters.Id(profile.PlayerId)));
            upsert.Parameters.Add(SqlParameters.Param("telegram_user_id", NpgsqlDbType.Bigint, profile.TelegramId));
            upsert.Parameters.Add(SqlParameters.Param("telegram_username", NpgsqlDbType.Text, profile.Username));
            upsert.Parameters.Add(SqlParameters.Param("display_name", NpgsqlDbType.Text, profile.DisplayName));
            upsert.Parameters.Add(SqlParameters.Param("language_code", NpgsqlDbType.Text, profile.Language));
            upsert.Parameters.Add(SqlParameters.Param("flags", NpgsqlDbType.Array | NpgsqlDbType.Text, Flags(profile)));
            upsert.Parameters.Add(SqlParameters.Param("created_at", NpgsqlDbType.TimestampTz, profile.CreatedAt.ToUniversalTime()));
            upsert.Parameters.Add(SqlParameters.Param("seen_at", NpgsqlDbType.TimestampTz, seenAt.ToUniversalTime()));
            batch.BatchCommands.Add(upsert);

            var wallet = new NpgsqlBatchCommand("INSERT INTO wallets (player_id) VALUES (@player_id) ON CONFLICT (player_id) DO NOTHING");
            wallet.Parameters.Add(SqlParameters.Param("player_id", NpgsqlDbType.Text, SqlParameters.Id(profile.PlayerId)));
            batch.BatchCommands.Add(wallet);
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task<PlayerProfile?> FindAsync(long playerId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM players WHERE player_id = @player_id");
        command.With("player_id", NpgsqlDbType.Text, SqlParameters.Id(playerId));
        var found = await ReadAllAsync(command, cancellationToken);
        return found.Count == 0 ? null : found[0];
    }

    public async Task<IReadOnlyList<PlayerProfile>> SearchAsync(string text, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var id = long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : (long?)null;
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT {Columns} FROM players
            WHERE display_name ILIKE @pattern OR telegram_username ILIKE @pattern OR telegram_user_id = @id OR player_id = @id::text
            ORDER BY lower(display_name), player_id LIMIT @take
            """);
        command.With("pattern", NpgsqlDbType.Text, "%" + LikeEscape().Replace(text, @"\$0") + "%")
            .With("id", NpgsqlDbType.Bigint, id)
            .With("take", NpgsqlDbType.Integer, Math.Max(0, take));
        return await ReadAllAsync(command, cancellationToken);
    }

    public async Task<IReadOnlyList<PlayerProfile>> MessageableAsync(long? afterPlayerId, int take, CancellationToken cancellationToken = default)
    {
        // By the id as a number (the column is text): the partial index of migration 0013 serves this order.
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT {Columns} FROM players
            WHERE 'bot_chat' = ANY (flags) AND NOT flags && ARRAY['unreachable', 'guest', 'robot']::text[]
                AND telegram_user_id IS NOT NULL AND (@after::bigint IS NULL OR player_id::bigint > @after::bigint)
            ORDER BY player_id::bigint LIMIT @take
            """);
        command.With("after", NpgsqlDbType.Bigint, afterPlayerId)
            .With("take", NpgsqlDbType.Integer, Math.Max(0, take));
        return await ReadAllAsync(command, cancellationToken);
    }

    private const string Columns = "player_id, telegram_user_id, telegram_username, display_name, language_code, flags, created_at";

    private static async Task<List<PlayerProfile>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var profiles = new List<PlayerProfile>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var flags = reader.GetFieldValue<string[]>(5);
            profiles.Add(new PlayerProfile
            {
                PlayerId = SqlParameters.ParseId(reader.GetString(0)),
                TelegramId = reader.IsDBNull(1) ? null : reader.GetInt64(1),
                Username = reader.GetStringOrNull(2),
                DisplayName = reader.GetString(3),
                Language = reader.GetString(4),
                IsRobot = flags.Contains("robot"),
                IsGuest = flags.Contains("guest"),
                Unreachable = flags.Contains("unreachable"),
                BotChat = flags.Contains("bot_chat"),
                CreatedAt = reader.GetFieldValue<DateTimeOffset>(6),
            });
        }

        return profiles;
    }

    /// <summary>The characters LIKE gives a meaning (and its escape), matched literally in a search.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"[\\%_]")]
    private static partial System.Text.RegularExpressions.Regex LikeEscape();

    private static string[] Flags(PlayerProfile profile)
    {
        var flags = new List<string>(4);
        if (profile.IsRobot)
        {
            flags.Add("robot");
        }

        if (profile.IsGuest)
        {
            flags.Add("guest");
        }

        if (profile.Unreachable)
        {
            flags.Add("unreachable");
        }

        if (profile.BotChat)
        {
            flags.Add("bot_chat");
        }

        return [.. flags];
    }
}
