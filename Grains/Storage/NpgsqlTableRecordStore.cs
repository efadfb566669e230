using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;

namespace Orleans.Poker.Grains.Storage;

/// <summary>Template versions and tables on PostgreSQL (<c>table_templates</c>, <c>tables</c>).</summary>
public sealed class NpgsqlTableRecordStore(NpgsqlDataSource dataSource) : ITableRecordStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task SaveTemplateVersionAsync(string templateId, int version, TemplateConfig config, bool active, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        var batch = dataSource.CreateBatch();
        await using (batch)
        {
            var insert = new NpgsqlBatchCommand(
                """
                INSERT INTO table_templates (template_id, version, name, variant, config, is_active, created_at)
                VALUES (@template_id, @version, @name, @variant, @config, @active, @at)
                ON CONFLICT (template_id, version) DO UPDATE
                    SET name = excluded.name, variant = excluded.variant, config = excluded.config, created_at = excluded.created_at
                    WHERE table_templates.config <> excluded.config
                """);
            insert.Parameters.Add(SqlParameters.Param("template_id", NpgsqlDbType.Text, templateId));
            insert.Parameters.Add(SqlParameters.Param("version", NpgsqlDbType.Integer, version));
            insert.Parameters.Add(SqlParameters.Param("name", NpgsqlDbType.Text, config.Name));
            insert.Parameters.Add(SqlParameters.Param("variant", NpgsqlDbType.Text, config.Variant));
            insert.Parameters.Add(SqlParameters.Param("config", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(config, Json)));
            insert.Parameters.Add(SqlParameters.Param("active", NpgsqlDbType.Boolean, active));
            insert.Parameters.Add(SqlParameters.Param("at", NpgsqlDbType.TimestampTz, at.ToUniversalTime()));
            batch.BatchCommands.Add(insert);

            var activate = new NpgsqlBatchCommand("UPDATE table_templates SET is_active = @active WHERE template_id = @template_id AND is_active <> @active");
            activate.Parameters.Add(SqlParameters.Param("template_id", NpgsqlDbType.Text, templateId));
            activate.Parameters.Add(SqlParameters.Param("active", NpgsqlDbType.Boolean, active));
            batch.BatchCommands.Add(activate);
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    public async Task UpsertTableAsync(TableRecord table, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        await using var command = dataSource.CreateCommand(
            """
            INSERT INTO tables (table_id, template_id, template_version, name, table_type, status, invite_code, created_at, expires_at, ended_at)
            VALUES (@table_id, @template_id, @template_version, @name, @table_type, @status, @invite_code, @created_at, @expires_at, @ended_at)
            ON CONFLICT (table_id) DO UPDATE SET
                name = EXCLUDED.name,
                status = EXCLUDED.status,
                invite_code = EXCLUDED.invite_code,
                expires_at = EXCLUDED.expires_at,
                ended_at = EXCLUDED.ended_at
            """);
        command.With("table_id", NpgsqlDbType.Text, table.TableId)
            .With("template_id", NpgsqlDbType.Text, table.TemplateId)
            .With("template_version", NpgsqlDbType.Integer, table.TemplateVersion)
            .With("name", NpgsqlDbType.Text, table.Name)
            .With("table_type", NpgsqlDbType.Text, TypeColumn(table.Type))
            .With("status", NpgsqlDbType.Text, table.Status.ToString().ToLowerInvariant())
            .With("invite_code", NpgsqlDbType.Text, table.InviteCode)
            .WithTime("created_at", table.CreatedAt)
            .WithTime("expires_at", table.ExpiresAt)
            .WithTime("ended_at", table.EndedAt);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<TableRecord?> FindTableAsync(string tableId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT template_id, template_version, name, table_type, status, invite_code, created_at, expires_at, ended_at
            FROM tables WHERE table_id = @table_id
            """);
        command.With("table_id", NpgsqlDbType.Text, tableId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new TableRecord(
            tableId,
            reader.GetString(0),
            reader.GetInt32(1),
            reader.GetStringOrNull(2),
            reader.GetString(3) switch
            {
                "expiring" => TableType.Expiring,
                "sit_and_go" => TableType.SitAndGo,
                _ => TableType.Persistent,
            },
            Enum.Parse<TableStatus>(reader.GetString(4), ignoreCase: true),
            reader.GetStringOrNull(5),
            reader.GetFieldValue<DateTimeOffset>(6),
            reader.GetTimeOrNull(7),
            reader.GetTimeOrNull(8));
    }

    public async Task<IReadOnlyDictionary<string, int>> FindOpenTablesAsync(string templateId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT table_id, template_version FROM tables WHERE template_id = @template_id AND status <> 'ended'");
        command.With("template_id", NpgsqlDbType.Text, templateId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tables = new Dictionary<string, int>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            tables[reader.GetString(0)] = reader.GetInt32(1);
        }

        return tables;
    }

    private static string TypeColumn(TableType type) => type switch
    {
        TableType.Expiring => "expiring",
        TableType.SitAndGo => "sit_and_go",
        _ => "persistent",
    };
}
