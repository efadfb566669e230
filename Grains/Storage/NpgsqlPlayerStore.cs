using Npgsql;
using NpgsqlTypes;
using Orleans.Poker.Grains.Interfaces.Players;

namespace Orleans.Poker.Grains.Storage;

/// <summary>Player rows on PostgreSQL (<c>players</c>, plus the empty <c>wallets</c> row the ledger keeps up to date).</summary>
public sealed class NpgsqlPlayerStore(NpgsqlDataSource dataSource) : IPlayerStore
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
        await using var command = dataSource.CreateCommand(
            """
            SELECT telegram_user_id, telegram_username, display_name, language_code, flags, created_at
            FROM players WHERE player_id = @player_id
            """);
        command.With("player_id", NpgsqlDbType.Text, SqlParameters.Id(playerId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var flags = reader.GetFieldValue<string[]>(4);
        return new PlayerProfile
        {
            PlayerId = playerId,
            TelegramId = reader.IsDBNull(0) ? null : reader.GetInt64(0),
            Username = reader.GetStringOrNull(1),
            DisplayName = reader.GetString(2),
            Language = reader.GetString(3),
            IsRobot = flags.Contains("robot"),
            IsGuest = flags.Contains("guest"),
            Unreachable = flags.Contains("unreachable"),
            CreatedAt = reader.GetFieldValue<DateTimeOffset>(5),
        };
    }

    private static string[] Flags(PlayerProfile profile)
    {
        var flags = new List<string>(3);
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

        return [.. flags];
    }
}
