using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;

namespace Orleans.Poker.Grains.Templates;

/// <summary>Creates the <see cref="DefaultTemplates"/> that do not exist yet. Safe to run on every silo start.</summary>
public static class TemplateSeeder
{
    /// <summary>Creates the missing default templates; returns the ids it created (empty when all existed).</summary>
    /// <remarks>A template that exists, or that an admin deleted (its versions stay readable), is left alone.</remarks>
    public static async Task<IReadOnlyList<string>> SeedAsync(IGrainFactory grains, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var created = new List<string>();
        foreach (var (id, config) in DefaultTemplates.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var template = grains.GetGrain<ITemplateGrain>(id);
            if (await template.Get() is not null || await WasDeleted(template))
            {
                continue;
            }

            try
            {
                await template.Create(config);
                created.Add(id);
            }
            catch (PokerException ex) when (ex.Code == "template_exists")
            {
                // Another silo seeded it first.
            }
        }

        return created;
    }

    /// <summary>
    /// Opens one table (<c>&lt;template&gt;-1</c>) for each newly seeded public persistent template, so a first start
    /// has a lobby to play in. Idempotent: a table that exists is left alone.
    /// </summary>
    public static async Task<IReadOnlyList<string>> OpenDefaultTablesAsync(IGrainFactory grains, IEnumerable<string> templateIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var opened = new List<string>();
        foreach (var id in templateIds)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var config = DefaultTemplates.All.FirstOrDefault(t => t.Id == id).Config;
            if (config is not { Type: TableType.Persistent, IsPrivate: false })
            {
                continue;
            }

            var tableId = $"{id}-1";
            try
            {
                await grains.GetGrain<ITableGrain>(tableId).Create(new TableCreation(id, CreatedBy: 0));
                opened.Add(tableId);
            }
            catch (PokerException ex) when (ex.Code == "table_exists")
            {
                // Another silo opened it first.
            }
        }

        return opened;
    }

    private static async Task<bool> WasDeleted(ITemplateGrain template)
    {
        try
        {
            await template.GetVersion(1);
            return true;
        }
        catch (PokerException ex) when (ex.Code == "not_found")
        {
            return false;
        }
    }
}
