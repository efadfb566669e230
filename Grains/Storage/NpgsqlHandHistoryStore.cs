using Npgsql;
using NpgsqlTypes;
using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Poker.Grains.Robots;

namespace Orleans.Poker.Grains.Storage;

/// <summary>Hand histories on PostgreSQL (<c>hand_histories</c>).</summary>
public sealed class NpgsqlHandHistoryStore(NpgsqlDataSource dataSource) : IHandHistoryStore
{
    private const string Columns = "table_id, hand_number, variant, started_at, ended_at, players, pot, rake, phh";

    public async Task<bool> SaveAsync(HandRecord hand, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(hand);
        // The insert below zeroes the nets of a sit-and-go's hand (its tables row says so).
        var results = HandPlayerResult.Of(hand, sitAndGo: false);
        // One statement, one round trip and one commit: the hand's row, and its players' rows only when the hand's is new.
        await using var command = dataSource.CreateCommand(
            """
            WITH hand AS (
                INSERT INTO hand_histories (table_id, hand_number, variant, started_at, ended_at, players, pot, rake, phh)
                VALUES (@table_id, @hand_number, @variant, @started_at, @ended_at, @players, @pot, @rake, @phh)
                ON CONFLICT (table_id, hand_number) DO NOTHING
                RETURNING 1),
            seats AS (
                INSERT INTO hand_players (table_id, hand_number, seat, player_id, variant, ended_at, net, pot)
                SELECT @table_id, @hand_number, r.seat, r.player_id, @variant, @ended_at,
                       CASE WHEN t.table_type = 'sit_and_go' THEN 0 ELSE r.net END, @pot
                FROM unnest(@seats, @seat_players, @nets) AS r(seat, player_id, net)
                CROSS JOIN (SELECT table_type FROM tables WHERE table_id = @table_id) t
                WHERE EXISTS (SELECT 1 FROM hand))
            SELECT count(*)::int FROM hand
            """);
        command.With("table_id", NpgsqlDbType.Text, hand.TableId)
            .With("hand_number", NpgsqlDbType.Bigint, hand.HandNumber)
            .With("variant", NpgsqlDbType.Text, hand.Variant)
            .WithTime("started_at", hand.StartedAt)
            .WithTime("ended_at", hand.EndedAt)
            .With("players", NpgsqlDbType.Array | NpgsqlDbType.Text, hand.PlayerIds.Select(SqlParameters.Id).ToArray())
            .With("pot", NpgsqlDbType.Bigint, hand.Pot)
            .With("rake", NpgsqlDbType.Bigint, hand.Rake)
            .With("phh", NpgsqlDbType.Text, hand.Phh)
            .With("seats", NpgsqlDbType.Array | NpgsqlDbType.Smallint, results.Select(r => (short)r.Seat).ToArray())
            .With("seat_players", NpgsqlDbType.Array | NpgsqlDbType.Text, results.Select(r => SqlParameters.Id(r.PlayerId)).ToArray())
            .With("nets", NpgsqlDbType.Array | NpgsqlDbType.Bigint, results.Select(r => r.Net).ToArray());

        // 0: stored already, with its players' rows.
        return (int)(await command.ExecuteScalarAsync(cancellationToken))! == 1;
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

    public async Task<IReadOnlyList<HandPlayerResult>> GetPlayerResultsAsync(long playerId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT table_id, hand_number, seat, variant, ended_at, net, pot FROM hand_players WHERE player_id = @player_id
            ORDER BY ended_at, table_id COLLATE "C", hand_number
            """);
        command.With("player_id", NpgsqlDbType.Text, SqlParameters.Id(playerId));
        var results = new List<HandPlayerResult>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            results.Add(new HandPlayerResult(reader.GetString(0), reader.GetInt64(1), reader.GetInt16(2), playerId, reader.GetString(3),
                reader.GetFieldValue<DateTimeOffset>(4), reader.GetInt64(5), reader.GetInt64(6)));
        }

        return results;
    }

    public async Task<(IReadOnlyList<LeaderboardEntry> Top, int Ranked, LeaderboardEntry? Own)> GetLeaderboardAsync(
        DateTimeOffset? from, LeaderboardOrder by, int take, long playerId, CancellationToken cancellationToken = default)
    {
        var figure = by == LeaderboardOrder.Hands ? "hands" : "net";
        await using var command = dataSource.CreateCommand(
            $"""
            WITH totals AS (
                SELECT player_id::bigint AS player_id, count(*)::int AS hands, sum(net)::bigint AS net
                FROM hand_players
                WHERE (@from IS NULL OR ended_at >= @from) AND player_id NOT LIKE '-%' AND player_id::bigint < @robots
                GROUP BY player_id
            ),
            ranked AS (
                SELECT player_id, hands, net, rank() OVER (ORDER BY {figure} DESC)::int AS rank, count(*) OVER ()::int AS ranked
                FROM totals
            )
            SELECT rank, player_id, hands, net, ranked FROM ranked
            WHERE rank <= @take OR player_id = @player_id
            ORDER BY rank, player_id
            """);
        command.WithTime("from", from).With("take", NpgsqlDbType.Integer, take).With("player_id", NpgsqlDbType.Bigint, playerId)
            .With("robots", NpgsqlDbType.Bigint, RobotStrategy.RobotIdBase);
        var rows = new List<(LeaderboardEntry Entry, int Ranked)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add((new LeaderboardEntry(reader.GetInt32(0), reader.GetInt64(1), null, reader.GetInt32(2), reader.GetInt64(3)), reader.GetInt32(4)));
        }

        // Ties may put more than take players at rank <= take: the first take of them by player id are shown.
        return (rows.Select(r => r.Entry).Take(take).ToList(), rows.Count == 0 ? 0 : rows[0].Ranked, rows.Select(r => r.Entry).FirstOrDefault(e => e.PlayerId == playerId));
    }

    public async Task<IReadOnlyList<TableActivity>> GetTableActivityAsync(DateTimeOffset from, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT table_id, count(*)::int, div(sum(pot), count(*))::bigint, max(ended_at)
            FROM hand_histories WHERE ended_at >= @from
            GROUP BY table_id ORDER BY table_id COLLATE "C"
            """);
        command.WithTime("from", from);
        var tables = new List<TableActivity>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            tables.Add(new TableActivity(reader.GetString(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetFieldValue<DateTimeOffset>(3)));
        }

        return tables;
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
