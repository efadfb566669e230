using System.Collections.Concurrent;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;

namespace Orleans.Poker.Grains.Storage;

/// <summary>Template and table rows in process memory: the embedded default and the tests.</summary>
public sealed class MemoryTableRecordStore : ITableRecordStore
{
    private readonly ConcurrentDictionary<(string Id, int Version), TemplateConfig> _templates = new();
    private readonly ConcurrentDictionary<string, TableRecord> _tables = new(StringComparer.Ordinal);

    /// <summary>The stored configuration of a template version, or null.</summary>
    public TemplateConfig? FindTemplateVersion(string templateId, int version) => _templates.GetValueOrDefault((templateId, version));

    public Task SaveTemplateVersionAsync(string templateId, int version, TemplateConfig config, bool active, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        _templates[(templateId, version)] = config;
        return Task.CompletedTask;
    }

    public Task UpsertTableAsync(TableRecord table, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        _tables[table.TableId] = table;
        return Task.CompletedTask;
    }

    public Task<TableRecord?> FindTableAsync(string tableId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_tables.GetValueOrDefault(tableId));

    public Task<IReadOnlyDictionary<string, int>> FindOpenTablesAsync(string templateId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, int>>(_tables.Values
            .Where(t => t.TemplateId == templateId && t.Status != TableStatus.Ended)
            .ToDictionary(t => t.TableId, t => t.TemplateVersion, StringComparer.Ordinal));
}
