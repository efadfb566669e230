using Npgsql;
using System.Text.Json;
using NpgsqlTypes;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Poker.Grains.Robots;

namespace Orleans.Poker.Grains.Storage;

/// <summary>
/// Hourly statistics on PostgreSQL: <c>table_stats_hourly</c> rows computed in one statement from
/// <c>hand_histories</c> (the columns the schema has, the rest in <c>data</c>), upserted so that a rerun gives the same rows.
/// </summary>
public sealed class NpgsqlAnalyticsStore(NpgsqlDataSource dataSource) : IAnalyticsStore
{
    public async Task<int> RebuildHourlyAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            """
            WITH h AS (
                SELECT table_id, date_trunc('hour', ended_at, 'UTC') AS hour_start, ended_at, variant, players, pot, rake
                FROM hand_histories
                WHERE ended_at >= @from AND ended_at < @to
            ),
            seen AS (
                SELECT DISTINCT h.table_id, h.hour_start, u.player_id
                FROM h CROSS JOIN LATERAL unnest(h.players) AS u(player_id)
            ),
            -- Each player's first hand in the room: one step down hand_players' (player_id, ended_at) index, however long
            -- their history (a scan of every hand they ever played grew with the room's age).
            firsts AS (
                SELECT p.player_id, (SELECT min(hp.ended_at) FROM hand_players hp WHERE hp.player_id = p.player_id) AS first_at
                FROM (SELECT DISTINCT player_id FROM seen) p
            ),
            newcomers AS (
                SELECT h.table_id, h.hour_start, count(DISTINCT f.player_id) AS new_players
                FROM h JOIN firsts f ON f.first_at = h.ended_at AND f.player_id = ANY (h.players)
                GROUP BY h.table_id, h.hour_start
            ),
            hours AS (
                SELECT h.table_id, h.hour_start,
                       (array_agg(h.variant ORDER BY h.ended_at DESC))[1] AS variant,
                       count(*) AS hands,
                       round(avg(cardinality(h.players)), 2) AS average_players,
                       max(cardinality(h.players)) AS peak_players,
                       count(DISTINCT date_trunc('minute', h.ended_at, 'UTC')) AS active_minutes,
                       sum(h.pot) AS total_pot,
                       sum(h.rake) AS total_rake
                FROM h
                GROUP BY h.table_id, h.hour_start
            )
            INSERT INTO table_stats_hourly (table_id, hour_start, hands_played, distinct_players, total_pot, total_rake, data, updated_at)
            SELECT r.table_id, r.hour_start, r.hands,
                   (SELECT count(*) FROM seen s WHERE s.table_id = r.table_id AND s.hour_start = r.hour_start),
                   r.total_pot, r.total_rake,
                   jsonb_build_object('variant', r.variant, 'average_players', r.average_players, 'peak_players', r.peak_players,
                                      'new_players', coalesce(n.new_players, 0), 'active_minutes', r.active_minutes),
                   now()
            FROM hours r
            LEFT JOIN newcomers n ON n.table_id = r.table_id AND n.hour_start = r.hour_start
            ON CONFLICT (table_id, hour_start) DO UPDATE SET
                hands_played = EXCLUDED.hands_played,
                distinct_players = EXCLUDED.distinct_players,
                total_pot = EXCLUDED.total_pot,
                total_rake = EXCLUDED.total_rake,
                data = EXCLUDED.data,
                updated_at = EXCLUDED.updated_at
            """);
        command.WithTime("from", from).WithTime("to", to);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<HourlyStats>> GetHourlyAsync(DateTimeOffset from, DateTimeOffset to, string? tableId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT table_id, hour_start, data->>'variant', hands_played, (data->>'average_players')::float8, (data->>'peak_players')::int,
                   distinct_players, (data->>'new_players')::int, (data->>'active_minutes')::int, total_pot, total_rake
            FROM table_stats_hourly
            WHERE hour_start >= @from AND hour_start < @to AND (@table_id IS NULL OR table_id = @table_id)
            ORDER BY hour_start, table_id COLLATE "C"
            """);
        command.WithTime("from", from).WithTime("to", to).With("table_id", NpgsqlDbType.Text, tableId);
        var rows = new List<HourlyStats>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new HourlyStats(
                reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetStringOrNull(2) ?? "", reader.GetInt32(3),
                reader.GetDouble(4), reader.GetInt32(5), reader.GetInt32(6), reader.GetInt32(7), reader.GetInt32(8),
                reader.GetInt64(9), reader.GetInt64(10)));
        }

        return rows;
    }

    public async Task<RoomFigures> GetHandFiguresAsync(DateTimeOffset from, DateTimeOffset? to, CancellationToken cancellationToken = default)
    {
        // Per table and, in the row whose table_id is null, for the whole room (GROUPING SETS).
        await using var command = dataSource.CreateCommand(
            """
            WITH h AS (
                SELECT table_id, pot, rake, players FROM hand_histories WHERE ended_at >= @from AND (@to IS NULL OR ended_at < @to)
            ),
            f AS (
                SELECT table_id, count(*)::int AS hands, sum(pot) AS total_pot, max(pot) AS largest_pot, sum(rake) AS rake
                FROM h GROUP BY GROUPING SETS ((table_id), ())
            ),
            p AS (
                SELECT table_id, count(DISTINCT u.player_id)::int AS players
                FROM h CROSS JOIN LATERAL unnest(h.players) AS u(player_id)
                GROUP BY GROUPING SETS ((table_id), ())
            )
            SELECT f.table_id, f.hands, coalesce(f.total_pot, 0), coalesce(f.largest_pot, 0), coalesce(f.rake, 0), coalesce(p.players, 0)
            FROM f LEFT JOIN p ON p.table_id IS NOT DISTINCT FROM f.table_id
            """);
        command.WithTime("from", from).WithTime("to", to);
        var tables = new Dictionary<string, HandFigures>(StringComparer.Ordinal);
        var room = HandFigures.None;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var figures = new HandFigures(reader.GetInt32(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt32(5));
            if (reader.IsDBNull(0))
            {
                room = figures;
            }
            else
            {
                tables[reader.GetString(0)] = figures;
            }
        }

        return new RoomFigures(tables, room);
    }

    public async Task WriteSnapshotsAsync(IReadOnlyList<AnalyticsSnapshot> snapshots, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        if (snapshots.Count == 0)
        {
            return;
        }

        // One statement for the batch: the rows travel as arrays and are unnested by the server.
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO analytics_snapshots (table_id, taken_at, data, timeouts)
            SELECT * FROM unnest(@table_ids, @taken_at, @data, @timeouts)
            """);
        command.With("table_ids", NpgsqlDbType.Array | NpgsqlDbType.Text, snapshots.Select(s => s.TableId).ToArray())
            .With("taken_at", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, snapshots.Select(s => s.TakenAt.ToUniversalTime()).ToArray())
            .With("data", NpgsqlDbType.Array | NpgsqlDbType.Jsonb, snapshots.Select(s => JsonSerializer.Serialize(new
            {
                status = s.Status.ToString().ToLowerInvariant(),
                variant = s.Variant,
                seated = s.Seated,
                waitlist = s.Waitlist,
                hands = s.Hands,
                average_pot = s.AveragePot,
                largest_pot = s.LargestPot,
                rake = s.Rake,
            })).ToArray())
            .With("timeouts", NpgsqlDbType.Array | NpgsqlDbType.Integer, snapshots.Select(s => s.Timeouts).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AnalyticsSnapshot>> GetSnapshotsAsync(DateTimeOffset from, DateTimeOffset to, string? tableId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT table_id, taken_at, data->>'status', data->>'variant', (data->>'seated')::int, (data->>'waitlist')::int,
                   (data->>'hands')::int, (data->>'average_pot')::bigint, (data->>'largest_pot')::bigint, (data->>'rake')::bigint,
                   timeouts
            FROM analytics_snapshots
            WHERE taken_at >= @from AND taken_at < @to AND (@table_id IS NULL OR table_id = @table_id)
            ORDER BY taken_at, table_id COLLATE "C"
            """);
        command.WithTime("from", from).WithTime("to", to).With("table_id", NpgsqlDbType.Text, tableId);
        var found = new List<AnalyticsSnapshot>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new AnalyticsSnapshot(
                reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), Enum.Parse<TableStatus>(reader.GetString(2), ignoreCase: true),
                reader.GetString(3), reader.GetInt32(4), reader.GetInt32(5), reader.GetInt32(6), reader.GetInt64(7), reader.GetInt64(8), reader.GetInt64(9),
                reader.GetInt32(10)));
        }

        return found;
    }

    public async Task<int> DeleteSnapshotsBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM analytics_snapshots WHERE taken_at < @before");
        command.WithTime("before", before);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
    // The cash hands of people (robots' ids start at @robots) in a span, each with its table's big blind (or the small
    // bet of a game without blinds): the rows both player rules read.
    private const string CashHands =
        """
        cash AS (
            SELECT hp.table_id, hp.hand_number, hp.player_id::bigint AS player_id, hp.net,
                   coalesce(nullif((tt.config->>'bigBlind')::bigint, 0), nullif((tt.config->>'smallBet')::bigint, 0)) AS unit
            FROM hand_players hp
            JOIN tables t ON t.table_id = hp.table_id
            JOIN table_templates tt ON tt.template_id = t.template_id AND tt.version = t.template_version
            WHERE hp.ended_at >= @from AND hp.ended_at < @to AND t.table_type <> 'sit_and_go' AND hp.player_id::bigint < @robots
        )
        """;

    public async Task<IReadOnlyList<PlayerWinRate>> GetWinRatesAsync(DateTimeOffset from, DateTimeOffset to, int minimumHands, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            WITH {CashHands}
            SELECT player_id, count(*)::int, sum(net)::bigint, sum(net::float8 / unit)
            FROM cash WHERE unit IS NOT NULL
            GROUP BY player_id HAVING count(*) >= @minimum
            ORDER BY player_id
            """);
        command.WithTime("from", from).WithTime("to", to).With("robots", NpgsqlDbType.Bigint, RobotStrategy.RobotIdBase)
            .With("minimum", NpgsqlDbType.Integer, minimumHands);
        var rates = new List<PlayerWinRate>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rates.Add(new PlayerWinRate(reader.GetInt64(0), reader.GetInt32(1), reader.GetInt64(2), reader.GetDouble(3)));
        }

        return rates;
    }

    public async Task<IReadOnlyList<PairChipFlow>> GetChipFlowsAsync(DateTimeOffset from, DateTimeOffset to, int minimumSharedHands, double minimumBigBlinds, CancellationToken cancellationToken = default)
    {
        // Each pair once (a < b), both ways at once; then named from the one whose chips went to the other more.
        await using var command = dataSource.CreateCommand(
            $"""
            WITH {CashHands},
            pairs AS (
                SELECT a.player_id AS a, b.player_id AS b, count(*)::int AS shared,
                       coalesce(sum(least(-a.net, b.net)) FILTER (WHERE a.net < 0 AND b.net > 0), 0)::bigint AS ab,
                       coalesce(sum(least(-a.net, b.net)::float8 / a.unit) FILTER (WHERE a.net < 0 AND b.net > 0), 0) AS ab_bb,
                       coalesce(sum(least(-b.net, a.net)) FILTER (WHERE b.net < 0 AND a.net > 0), 0)::bigint AS ba,
                       coalesce(sum(least(-b.net, a.net)::float8 / a.unit) FILTER (WHERE b.net < 0 AND a.net > 0), 0) AS ba_bb
                FROM cash a
                JOIN cash b ON b.table_id = a.table_id AND b.hand_number = a.hand_number AND a.player_id < b.player_id
                WHERE a.unit IS NOT NULL
                GROUP BY a.player_id, b.player_id
                HAVING count(*) >= @minimum_shared
            )
            SELECT a, b, shared, ab, ab_bb, ba, ba_bb FROM pairs
            WHERE greatest(ab_bb, ba_bb) >= @minimum_bb
            ORDER BY a, b
            """);
        command.WithTime("from", from).WithTime("to", to).With("robots", NpgsqlDbType.Bigint, RobotStrategy.RobotIdBase)
            .With("minimum_shared", NpgsqlDbType.Integer, minimumSharedHands)
            .With("minimum_bb", NpgsqlDbType.Double, minimumBigBlinds);
        var flows = new List<PairChipFlow>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            flows.Add(PairChipFlow.Named(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt32(2),
                (reader.GetInt64(3), reader.GetDouble(4)), (reader.GetInt64(5), reader.GetDouble(6))));
        }

        return flows;
    }
}
