using Orleans.Poker.Grains.Interfaces.Templates;

namespace Orleans.Poker.Grains.Storage;

/// <summary>
/// The <c>table_templates</c> and <c>tables</c> rows. Ledger and hand-history rows reference a table row, which
/// references a template version row, so a table is written here when it is created, before any chips move.
/// </summary>
public interface ITableRecordStore
{
    /// <summary>Stores one template version (idempotent on id and version) and marks every version of the template active or not.</summary>
    Task SaveTemplateVersionAsync(string templateId, int version, TemplateConfig config, bool active, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Inserts or updates a table row.</summary>
    Task UpsertTableAsync(TableRecord table, CancellationToken cancellationToken = default);

    /// <summary>The stored table row, or null.</summary>
    Task<TableRecord?> FindTableAsync(string tableId, CancellationToken cancellationToken = default);

    /// <summary>The tables of <paramref name="templateId"/> that have not ended, by id, with the template version each was created from.</summary>
    Task<IReadOnlyDictionary<string, int>> FindOpenTablesAsync(string templateId, CancellationToken cancellationToken = default);
}
