using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Orleans.Poker.Grains.Interfaces.Admin;

namespace Orleans.Poker.Grains.Storage;

/// <summary>
/// The audit log on PostgreSQL (<c>admin_audit_log</c>, append-only by trigger). An entry's target is
/// <c>target_id</c> and its details the <c>text</c> of the <c>details</c> JSON.
/// </summary>
public sealed class NpgsqlAuditStore(NpgsqlDataSource dataSource) : IAuditStore
{
    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO admin_audit_log (admin_id, action, target_id, details, at)
            SELECT @admin_id, @action, @target_id, @details, @at
            WHERE NOT EXISTS (
                SELECT 1 FROM admin_audit_log
                WHERE at = @at AND admin_id = @admin_id AND action = @action AND target_id IS NOT DISTINCT FROM @target_id AND details = @details)
            """);
        command.With("admin_id", NpgsqlDbType.Text, SqlParameters.Id(entry.AdminId))
            .With("action", NpgsqlDbType.Text, entry.Action)
            .With("target_id", NpgsqlDbType.Text, entry.Target)
            .With("details", NpgsqlDbType.Jsonb, entry.Details is null ? "{}" : JsonSerializer.Serialize(new { text = entry.Details }))
            .WithTime("at", entry.At);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<AuditEntry>> SearchAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var command = dataSource.CreateCommand(
            """
            SELECT at, admin_id, action, target_id, details->>'text'
            FROM admin_audit_log
            WHERE (@admin_id IS NULL OR admin_id = @admin_id)
              AND (@action IS NULL OR action = @action)
              AND (@from IS NULL OR at >= @from)
              AND (@to IS NULL OR at < @to)
            ORDER BY at DESC, audit_id DESC
            OFFSET @skip LIMIT @take
            """);
        command.With("admin_id", NpgsqlDbType.Text, query.AdminId is { } admin ? SqlParameters.Id(admin) : null)
            .With("action", NpgsqlDbType.Text, query.Action)
            .WithTime("from", query.From)
            .WithTime("to", query.To)
            .With("skip", NpgsqlDbType.Integer, query.Skip)
            .With("take", NpgsqlDbType.Integer, query.Take);
        var entries = new List<AuditEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            entries.Add(new AuditEntry(
                reader.GetFieldValue<DateTimeOffset>(0),
                SqlParameters.ParseId(reader.GetString(1)),
                reader.GetString(2),
                reader.GetStringOrNull(3) ?? "",
                reader.GetStringOrNull(4)));
        }

        return entries;
    }
}
