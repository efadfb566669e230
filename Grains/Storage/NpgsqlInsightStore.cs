using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Orleans.Poker.Grains.Analytics;
using Orleans.Poker.Grains.Interfaces.Analytics;

namespace Orleans.Poker.Grains.Storage;

/// <summary>
/// Insights on PostgreSQL (<c>insights</c>): the unique index on the open condition keys makes storing a condition
/// that is already open a no-op, whoever else stores it at the same time. A table or player the room has no row for
/// is stored without the reference (the condition key still names it).
/// </summary>
public sealed class NpgsqlInsightStore(NpgsqlDataSource dataSource) : IInsightStore
{
    private const string Columns =
        "insight_id, kind, severity, condition_key, table_id, player_id, summary, details, created_at, resolved_at, acknowledged_at, acknowledged_by";

    public async Task<IReadOnlyList<Insight>> OpenAsync(IReadOnlyList<InsightCondition> conditions, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        if (conditions.Count == 0)
        {
            return [];
        }

        await using var command = dataSource.CreateCommand(
            $"""
            INSERT INTO insights (condition_key, kind, severity, table_id, player_id, summary, details, created_at)
            SELECT u.condition_key, u.kind, u.severity,
                   (SELECT t.table_id FROM tables t WHERE t.table_id = u.table_id),
                   (SELECT p.player_id FROM players p WHERE p.player_id = u.player_id),
                   u.summary, u.details, @now
            FROM unnest(@keys, @kinds, @severities, @table_ids, @player_ids, @summaries, @details)
                 AS u(condition_key, kind, severity, table_id, player_id, summary, details)
            ON CONFLICT (condition_key) WHERE resolved_at IS NULL DO NOTHING
            RETURNING {Columns}
            """);
        command.With("keys", NpgsqlDbType.Array | NpgsqlDbType.Text, conditions.Select(c => c.Key).ToArray())
            .With("kinds", NpgsqlDbType.Array | NpgsqlDbType.Text, conditions.Select(c => c.Kind).ToArray())
            .With("severities", NpgsqlDbType.Array | NpgsqlDbType.Text, conditions.Select(c => Severity(c.Severity)).ToArray())
            .With("table_ids", NpgsqlDbType.Array | NpgsqlDbType.Text, conditions.Select(c => c.TableId).ToArray())
            .With("player_ids", NpgsqlDbType.Array | NpgsqlDbType.Text, conditions.Select(c => c.PlayerId is { } p ? SqlParameters.Id(p) : null).ToArray())
            .With("summaries", NpgsqlDbType.Array | NpgsqlDbType.Text, conditions.Select(c => c.Summary).ToArray())
            .With("details", NpgsqlDbType.Array | NpgsqlDbType.Jsonb, conditions.Select(c => JsonSerializer.Serialize(c.Details)).ToArray())
            .WithTime("now", now);
        var stored = await Read(command, cancellationToken);
        // RETURNING drops the references the room has no row for: the condition still names them.
        return stored.Select(i =>
        {
            var condition = conditions.First(c => c.Key == i.ConditionKey);
            return i with { TableId = condition.TableId, PlayerId = condition.PlayerId };
        }).OrderBy(i => i.Id).ToList();
    }

    public async Task<int> ResolveAsync(IReadOnlyCollection<string> kinds, IReadOnlyCollection<string> holding, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            """
            UPDATE insights SET resolved_at = @now
            WHERE resolved_at IS NULL AND kind = ANY (@kinds) AND NOT (condition_key = ANY (@holding))
            """);
        command.With("kinds", NpgsqlDbType.Array | NpgsqlDbType.Text, kinds.ToArray())
            .With("holding", NpgsqlDbType.Array | NpgsqlDbType.Text, holding.ToArray())
            .WithTime("now", now);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<Insight>> SearchAsync(InsightQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT {Columns}
            FROM insights
            WHERE condition_key IS NOT NULL
              AND (@severity IS NULL OR severity = @severity)
              AND (@kind IS NULL OR kind = @kind)
              AND (@open IS NULL OR (resolved_at IS NULL) = @open)
            ORDER BY insight_id DESC
            OFFSET @skip LIMIT @take
            """);
        command.With("severity", NpgsqlDbType.Text, query.Severity is { } s ? Severity(s) : null)
            .With("kind", NpgsqlDbType.Text, query.Kind)
            .With("open", NpgsqlDbType.Boolean, query.Open)
            .With("skip", NpgsqlDbType.Integer, query.Skip)
            .With("take", NpgsqlDbType.Integer, query.Take);
        return await Read(command, cancellationToken);
    }

    public async Task<Insight?> AcknowledgeAsync(long insightId, long adminId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            UPDATE insights
            SET acknowledged_at = coalesce(acknowledged_at, @now),
                acknowledged_by = coalesce(acknowledged_by, @admin_id)
            WHERE insight_id = @id AND condition_key IS NOT NULL
            RETURNING {Columns}
            """);
        command.With("id", NpgsqlDbType.Bigint, insightId)
            .With("admin_id", NpgsqlDbType.Text, SqlParameters.Id(adminId))
            .WithTime("now", now);
        return (await Read(command, cancellationToken)).SingleOrDefault();
    }

    public async Task<IReadOnlyList<Insight>> PendingAsync(InsightChannel channel, DateTimeOffset since, int max, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(channel == InsightChannel.Chat
            ? $"""
              SELECT {Columns} FROM insights
              WHERE chat_delivered_at IS NULL AND severity <> 'info' AND condition_key IS NOT NULL AND created_at >= @since
              ORDER BY insight_id LIMIT @max
              """
            : $"""
              SELECT {Columns} FROM insights
              WHERE webhook_delivered_at IS NULL AND condition_key IS NOT NULL AND created_at >= @since
              ORDER BY insight_id LIMIT @max
              """);
        command.WithTime("since", since).With("max", NpgsqlDbType.Integer, max);
        return await Read(command, cancellationToken);
    }

    public async Task MarkDeliveredAsync(InsightChannel channel, IReadOnlyCollection<long> insightIds, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (insightIds.Count == 0)
        {
            return;
        }

        await using var command = dataSource.CreateCommand(channel == InsightChannel.Chat
            ? "UPDATE insights SET chat_delivered_at = @now WHERE insight_id = ANY (@ids) AND chat_delivered_at IS NULL"
            : "UPDATE insights SET webhook_delivered_at = @now WHERE insight_id = ANY (@ids) AND webhook_delivered_at IS NULL");
        command.With("ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint, insightIds.ToArray()).WithTime("now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Severity(InsightSeverity severity) => severity.ToString().ToLowerInvariant();

    private static async Task<IReadOnlyList<Insight>> Read(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var found = new List<Insight>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new Insight(
                reader.GetInt64(0),
                reader.GetString(1),
                Enum.Parse<InsightSeverity>(reader.GetString(2), ignoreCase: true),
                reader.GetString(3),
                reader.GetStringOrNull(4),
                reader.GetStringOrNull(5) is { } player ? SqlParameters.ParseId(player) : null,
                reader.GetString(6),
                JsonSerializer.Deserialize<Dictionary<string, double>>(reader.GetString(7)) ?? [],
                reader.GetFieldValue<DateTimeOffset>(8),
                reader.GetTimeOrNull(9),
                reader.GetTimeOrNull(10),
                reader.GetStringOrNull(11) is { } admin ? SqlParameters.ParseId(admin) : null));
        }

        return found;
    }
}
