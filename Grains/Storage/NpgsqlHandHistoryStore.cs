using Npgsql;
using NpgsqlTypes;

namespace Orleans.Poker.Grains.Storage;

/// <summary>Hand histories on PostgreSQL (<c>hand_histories</c>).</summary>
public sealed class NpgsqlHandHistoryStore(NpgsqlDataSource dataSource) : IHandHistoryStore
{
    private const string Columns = "table_id, hand_number, variant, started_at, ended_at, players, pot, rake, phh";

    public async Task<bool> SaveAsync(HandRecord hand, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hand);
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO hand_histories (table_id, hand_number, variant, started_at, ended_at, players, pot, rake, phh)
            VALUES (@table_id, @hand_number, @variant, @started_at, @ended_at, @players, @pot, @rake, @phh)
            ON CONFLICT (table_id, hand_number) DO NOTHING
            """);
        command.With("table_id", NpgsqlDbType.Text, hand.TableId)
            .With("hand_number", NpgsqlDbType.Bigint, hand.HandNumber)
            .With("variant", NpgsqlDbType.Text, hand.Variant)
            .WithTime("started_at", hand.StartedAt)
            .WithTime("ended_at", hand.EndedAt)
            .With("players", NpgsqlDbType.Array | NpgsqlDbType.Text, hand.PlayerIds.Select(SqlParameters.Id).ToArray())
            .With("pot", NpgsqlDbType.Bigint, hand.Pot)
            .With("rake", NpgsqlDbType.Bigint, hand.Rake)
            .With("phh", NpgsqlDbType.Text, hand.Phh);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<HandRecord?> GetAsync(string tableId, long handNumber, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT {Columns} FROM hand_histories WHERE table_id = @table_id AND hand_number = @hand_number");
        command.With("table_id", NpgsqlDbType.Text, tableId).With("hand_number", NpgsqlDbType.Bigint, handNumber);
        var rows = await ReadAllAsync(command, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    public async Task<IReadOnlyList<HandRecord>> GetPlayerHandsAsync(long playerId, int skip, int take, CancellationToken cancellationToken = default)
    {
        // @> uses the GIN index on players.
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT {Columns} FROM hand_histories WHERE players @> ARRAY[@player_id]::text[]
            ORDER BY started_at DESC, hand_id DESC OFFSET @skip LIMIT @take
            """);
        command.With("player_id", NpgsqlDbType.Text, SqlParameters.Id(playerId));
        return await ReadPageAsync(command, skip, take, cancellationToken);
    }

    public async Task<IReadOnlyList<HandRecord>> GetTableHandsAsync(string tableId, int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT {Columns} FROM hand_histories WHERE table_id = @table_id
            ORDER BY started_at DESC, hand_number DESC OFFSET @skip LIMIT @take
            """);
        command.With("table_id", NpgsqlDbType.Text, tableId);
        return await ReadPageAsync(command, skip, take, cancellationToken);
    }

    private static Task<List<HandRecord>> ReadPageAsync(NpgsqlCommand command, int skip, int take, CancellationToken cancellationToken)
    {
        command.With("skip", NpgsqlDbType.Integer, Math.Max(0, skip)).With("take", NpgsqlDbType.Integer, Math.Max(0, take));
        return ReadAllAsync(command, cancellationToken);
    }

    private static async Task<List<HandRecord>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var hands = new List<HandRecord>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            hands.Add(new HandRecord(
                reader.GetString(0),
                reader.GetInt64(1),
                reader.GetString(2),
                reader.GetFieldValue<DateTimeOffset>(3),
                reader.GetFieldValue<DateTimeOffset>(4),
                reader.GetFieldValue<string[]>(5).Select(SqlParameters.ParseId).ToList(),
                reader.GetInt64(6),
                reader.GetInt64(7),
                reader.GetString(8)));
        }

        return hands;
    }
}
