using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Telemetry;
using Orleans.Serialization;

namespace Orleans.Poker.Grains.Storage;

/// <summary>
/// The lobby partitions' entries on PostgreSQL (<c>lobby_tables</c>): one row per table, its summary as the Orleans
/// serializer writes it (version tolerant through the record's ids, as grain state is).
/// </summary>
public sealed class NpgsqlLobbyStore(NpgsqlDataSource dataSource, Serializer serializer, StorageMetrics metrics, ILogger<NpgsqlLobbyStore> logger)
    : ILobbyStore
{
    private const string Select = "SELECT summary FROM lobby_tables WHERE partition = @partition";

    private const string Insert =
        """
        INSERT INTO lobby_tables (partition, table_id, summary) VALUES (@partition, @table, @summary)
        ON CONFLICT (partition, table_id) DO UPDATE SET summary = EXCLUDED.summary
        """;

    private const string Delete = "DELETE FROM lobby_tables WHERE partition = @partition AND table_id = @table";

    public Task<IReadOnlyList<TableSummary>> Load(long partition) => Translate("read", async () =>
    {
        await using var command = dataSource.CreateCommand(Select);
        command.Parameters.Add(new NpgsqlParameter<int>("partition", checked((int)partition)));
        await using var reader = await command.ExecuteReaderAsync();
        var tables = new List<TableSummary>();
        while (await reader.ReadAsync())
        {
            tables.Add(serializer.Deserialize<TableSummary>(reader.GetFieldValue<byte[]>(0))!);
        }

        return (IReadOnlyList<TableSummary>)tables;
    });

    public Task Upsert(long partition, TableSummary table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return Translate("write", async () =>
        {
            await using var command = dataSource.CreateCommand(Insert);
            command.Parameters.Add(new NpgsqlParameter<int>("partition", checked((int)partition)));
            command.Parameters.Add(new NpgsqlParameter<string>("table", table.TableId));
            command.Parameters.Add(new NpgsqlParameter<byte[]>("summary", serializer.SerializeToArray(table)) { NpgsqlDbType = NpgsqlDbType.Bytea });
            return await command.ExecuteNonQueryAsync();
        });
    }

    public Task Remove(long partition, string tableId) => Translate("write", async () =>
    {
        await using var command = dataSource.CreateCommand(Delete);
        command.Parameters.Add(new NpgsqlParameter<int>("partition", checked((int)partition)));
        command.Parameters.Add(new NpgsqlParameter<string>("table", tableId));
        return await command.ExecuteNonQueryAsync();
    });

    /// <summary>
    /// A database failure surfaces as <see cref="StoreUnavailableException"/> (<see cref="DatabaseErrors.Unavailable"/>): a
    /// partition loads its entries, and moves those of an earlier release, while it activates, outside any grain call.
    /// </summary>
    private async Task<T> Translate<T>(string operation, Func<Task<T>> statement)
    {
        try
        {
            return await statement();
        }
        catch (Exception ex) when (DatabaseErrors.Find(ex) is { } database)
        {
            throw DatabaseErrors.Unavailable(logger, metrics, database, "lobby store", operation);
        }
    }
}
