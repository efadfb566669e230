using Npgsql;
using NpgsqlTypes;
using Orleans.Poker.Grains.Interfaces.Analytics;

namespace Orleans.Poker.Grains.Storage;

/// <summary>
/// The seat and waitlist history on PostgreSQL (<c>seat_history</c>, <c>waitlist_history</c>): a batch of events is one
/// <see cref="NpgsqlBatch"/> of statements in one transaction; the waits are aggregated in SQL.
/// </summary>
public sealed class NpgsqlSeatHistoryStore(NpgsqlDataSource dataSource) : ISeatHistoryStore
{
    // Ends every earlier row the new one replaces: another player's at the seat, or the player's at another seat.
    private const string CloseStaleSeats =
        """
        UPDATE seat_history SET left_at = @at, left_reason = 'unknown'
        WHERE table_id = @table AND left_at IS NULL AND (seat_no = @seat OR player_id = @player) AND sat_at < @at
        """;

    private const string OpenSeat =
        """
        INSERT INTO seat_history (table_id, seat_no, player_id, buy_in, sat_at)
        SELECT @table, @seat, @player, @amount, @at
        WHERE NOT EXISTS (SELECT 1 FROM seat_history WHERE table_id = @table AND player_id = @player AND sat_at = @at)
        """;

    private const string CloseSeat =
        """
        UPDATE seat_history SET left_at = @at, cash_out = @amount, left_reason = @reason
        WHERE table_id = @table AND player_id = @player AND left_at IS NULL AND sat_at <= @at
        """;

    private const string CloseStaleWait =
        """
        UPDATE waitlist_history SET left_at = @at, outcome = 'unknown'
        WHERE table_id = @table AND player_id = @player AND left_at IS NULL AND joined_at < @at
        """;

    private const string OpenWait =
        """
        INSERT INTO waitlist_history (table_id, player_id, joined_at)
        SELECT @table, @player, @at
        WHERE NOT EXISTS (SELECT 1 FROM waitlist_history WHERE table_id = @table AND player_id = @player AND joined_at = @at)
        """;

    private const string CloseWait =
        """
        UPDATE waitlist_history SET left_at = @at, outcome = @outcome
        WHERE table_id = @table AND player_id = @player AND left_at IS NULL AND joined_at <= @at
        """;

    private const string CloseTableWaits =
        """
        UPDATE waitlist_history SET left_at = @at, outcome = 'table_closed'
        WHERE table_id = @table AND left_at IS NULL AND joined_at <= @at
        """;

    public async Task ApplyAsync(IReadOnlyList<SeatHistoryEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var e in events)
        {
            foreach (var sql in Statements(e))
            {
                var command = new NpgsqlBatchCommand(sql);
                void Add(string name, NpgsqlDbType type, object value)
                {
                    // Only the parameters the statement names.
                    if (sql.Contains($"@{name}", StringComparison.Ordinal))
                    {
                        command.Parameters.Add(SqlParameters.Param(name, type, value));
                    }
                }

                Add("table", NpgsqlDbType.Text, e.TableId);
                Add("player", NpgsqlDbType.Text, SqlParameters.Id(e.PlayerId));
                Add("at", NpgsqlDbType.TimestampTz, e.At.ToUniversalTime());
                Add("seat", NpgsqlDbType.Smallint, (short)e.Seat);
                Add("amount", NpgsqlDbType.Bigint, e.Amount);
                Add("reason", NpgsqlDbType.Text, Column(e.Reason));
                Add("outcome", NpgsqlDbType.Text, Column(e.Outcome));
                batch.BatchCommands.Add(command);
            }
        }

        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<TableHistory> GetTableHistoryAsync(string tableId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var seats = new List<SeatHistoryRow>();
        await using (var query = new NpgsqlCommand(
            """
            SELECT seat_no, player_id, buy_in, sat_at, left_at, cash_out, left_reason
            FROM seat_history WHERE table_id = @table ORDER BY sat_at, seat_history_id
            """, connection))
        {
            query.With("table", NpgsqlDbType.Text, tableId);
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                seats.Add(new SeatHistoryRow(
                    tableId, reader.GetInt16(0), SqlParameters.ParseId(reader.GetString(1)), reader.GetInt64(2), reader.GetFieldValue<DateTimeOffset>(3),
                    reader.GetTimeOrNull(4), reader.IsDBNull(5) ? null : reader.GetInt64(5),
                    reader.GetStringOrNull(6) is { } reason ? Parse<SeatLeftReason>(reason) : null));
            }
        }

        var waits = new List<WaitlistHistoryRow>();
        await using (var query = new NpgsqlCommand(
            """
            SELECT player_id, joined_at, left_at, outcome
            FROM waitlist_history WHERE table_id = @table ORDER BY joined_at, waitlist_history_id
            """, connection))
        {
            query.With("table", NpgsqlDbType.Text, tableId);
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                waits.Add(new WaitlistHistoryRow(
                    tableId, SqlParameters.ParseId(reader.GetString(0)), reader.GetFieldValue<DateTimeOffset>(1), reader.GetTimeOrNull(2),
                    reader.GetStringOrNull(3) is { } outcome ? Parse<WaitlistOutcome>(outcome) : null));
            }
        }

        return new TableHistory(seats, waits);
    }

    public async Task<WaitReport> GetWaitsAsync(DateTimeOffset from, DateTimeOffset to, string? tableId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        // Grouping sets: one row per table, and the room's (table_id NULL).
        var waits = new Dictionary<string, WaitStats>(StringComparer.Ordinal);
        await using (var query = new NpgsqlCommand(
            """
            SELECT table_id, count(*)::int,
                   count(*) FILTER (WHERE outcome = 'seated')::int,
                   count(*) FILTER (WHERE outcome = 'left')::int,
                   count(*) FILTER (WHERE outcome = 'offer_expired')::int,
                   count(*) FILTER (WHERE left_at IS NULL)::int,
                   avg(waited) FILTER (WHERE outcome = 'seated'),
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY waited) FILTER (WHERE outcome = 'seated'),
                   percentile_cont(0.9) WITHIN GROUP (ORDER BY waited) FILTER (WHERE outcome = 'seated')
            FROM (SELECT table_id, outcome, left_at, extract(epoch FROM left_at - joined_at)::float8 AS waited
                  FROM waitlist_history
                  WHERE joined_at >= @from AND joined_at < @to AND (@table::text IS NULL OR table_id = @table)) w
            GROUP BY GROUPING SETS ((table_id), ())
            """, connection))
        {
            query.WithTime("from", from).WithTime("to", to).With("table", NpgsqlDbType.Text, tableId);
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var table = reader.GetStringOrNull(0);
                waits[table ?? ""] = Empty(table) with
                {
                    Joins = reader.GetInt32(1), Seated = reader.GetInt32(2), Left = reader.GetInt32(3), OfferExpired = reader.GetInt32(4), Waiting = reader.GetInt32(5),
                    AverageWaitSeconds = Double(reader, 6), MedianWaitSeconds = Double(reader, 7), P90WaitSeconds = Double(reader, 8),
                };
            }
        }

        var stats = new SortedDictionary<string, WaitStats>(waits, StringComparer.Ordinal);
        await using (var query = new NpgsqlCommand(
            """
            SELECT table_id, count(*)::int, avg(extract(epoch FROM left_at - sat_at)::float8)
            FROM seat_history
            WHERE sat_at >= @from AND sat_at < @to AND (@table::text IS NULL OR table_id = @table)
            GROUP BY GROUPING SETS ((table_id), ())
            """, connection))
        {
            query.WithTime("from", from).WithTime("to", to).With("table", NpgsqlDbType.Text, tableId);
            await using var reader = await query.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var table = reader.GetStringOrNull(0);
                var key = table ?? "";
                stats[key] = (stats.GetValueOrDefault(key) ?? Empty(table)) with { Seatings = reader.GetInt32(1), AverageSeatSeconds = Double(reader, 2) };
            }
        }

        var room = stats.GetValueOrDefault("") ?? Empty(null);
        return new WaitReport(from, to, stats.Where(s => s.Key.Length > 0).Select(s => s.Value).ToList(), room);
    }

    private static IEnumerable<string> Statements(SeatHistoryEvent e) => e.Kind switch
    {
        SeatHistoryKind.SeatTaken => [CloseStaleSeats, OpenSeat],
        SeatHistoryKind.SeatLeft => [CloseSeat],
        SeatHistoryKind.WaitlistJoined => [CloseStaleWait, OpenWait],
        SeatHistoryKind.WaitlistEnded => [CloseWait],
        SeatHistoryKind.WaitlistClosed => [CloseTableWaits],
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.Kind, "unknown history event"),
    };

    private static WaitStats Empty(string? tableId) => new(tableId, 0, 0, 0, 0, 0, null, null, null, 0, null);

    private static double? Double(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetDouble(ordinal);

    /// <summary>The column's text for a reason or outcome: its name in snake case (<c>TableClosed</c> → <c>table_closed</c>).</summary>
    private static string Column<T>(T value) where T : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) => char.IsUpper(c) ? (i > 0 ? "_" : "") + char.ToLowerInvariant(c) : c.ToString()));

    private static T Parse<T>(string column) where T : struct, Enum =>
        Enum.Parse<T>(column.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);
}
