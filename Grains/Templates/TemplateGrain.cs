using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Templates;

/// <summary>
/// A table template. Every edit stores a new version and older versions stay readable, so tables keep the one they
/// were created from. The versions are also written to <c>table_templates</c>, which table rows reference. The tables
/// using the template are not in its state: their rows (<see cref="ITableRecordStore.FindOpenTablesAsync"/>) say which
/// they are, and the template keeps them in memory from its first need on.
/// </summary>
public sealed class TemplateGrain(
    [PersistentState("template", PokerStorage.Name)] IPersistentState<TemplateState> store,
    ITableRecordStore records,
    TimeProvider time,
    ILogger<TemplateGrain> logger) : Grain, ITemplateGrain
{
    // The tables using the template, with the version each was created from (null until first needed). A table writes
    // its row right after acquiring, before any chip moves; the grain state held these and was written whole for every
    // table created, O(n) each. The load is shared by calls that interleave (Get), so the rows are read once; one that
    // failed is read again by the next call.
    private Task<Dictionary<string, int>>? tables;

    /// <summary>How long <see cref="Delete"/> waits for each table to say whether it exists.</summary>
    private static readonly TimeSpan ExistsTimeout = TimeSpan.FromSeconds(5);

    private TemplateState State => store.State;

    private string TemplateId => this.GetPrimaryKeyString();

    public async Task<TemplateInfo?> Get() => State.Exists ? await Info() : null;

    public Task<TemplateConfig> GetVersion(int version)
    {
        if (version < 1 || version > State.Versions.Count)
        {
            throw PokerException.NotFound($"Version {version} of template {TemplateId}");
        }

        return Task.FromResult(State.Versions[version - 1]);
    }

    public async Task<TemplateInfo> Create(TemplateConfig config)
    {
        if (State.Exists)
        {
            throw PokerException.Conflict("template_exists", $"Template {TemplateId} exists already.");
        }

        TemplateValidator.ThrowIfInvalid(config);

        // Listed first: the catalog shows only templates that exist, and a create whose listing failed is retried whole.
        await GrainFactory.GetGrain<ITemplateCatalogGrain>(0).Register(TemplateId);
        await AddVersion(config, active: true);
        State.Exists = true;
        await store.WriteOrDeactivate(this);
        logger.LogInformation("Template {TemplateId} created ({Variant})", TemplateId, config.Variant);
        return await Info();
    }

    public async Task<TemplateInfo> Update(TemplateConfig config)
    {
        RequireExists();
        TemplateValidator.ThrowIfInvalid(config);
        await AddVersion(config, State.Active);
        await store.WriteOrDeactivate(this);
        logger.LogInformation("Template {TemplateId} is now version {Version}", TemplateId, State.Versions.Count);
        return await Info();
    }

    public async Task<TemplateInfo> SetActive(bool active)
    {
        RequireExists();
        if (State.Active != active)
        {
            var now = time.GetUtcNow();
            await records.SaveTemplateVersionAsync(TemplateId, State.Versions.Count, State.Versions[^1], active, now);
            State.Active = active;
            State.UpdatedAt = now;
            await store.WriteOrDeactivate(this);
        }

        return await Info();
    }

    public async Task Delete()
    {
        RequireExists();
        if (await TablesThatExist() is var inUse and > 0)
        {
            throw PokerException.Conflict("template_in_use", $"Template {TemplateId} is used by {inUse} table(s); close them first.");
        }

        // The version rows stay: ended tables still reference them.
        await records.SaveTemplateVersionAsync(TemplateId, State.Versions.Count, State.Versions[^1], active: false, time.GetUtcNow());
        State.Exists = false;
        State.Active = false;
        State.UpdatedAt = time.GetUtcNow();
        await store.WriteOrDeactivate(this);
        await GrainFactory.GetGrain<ITemplateCatalogGrain>(0).Unregister(TemplateId);
        logger.LogInformation("Template {TemplateId} deleted", TemplateId);
    }

    public async Task<int> Acquire(string tableId)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableId);
        var tables = await Tables();
        if (tables.TryGetValue(tableId, out var version))
        {
            return version;
        }

        RequireExists();
        if (!State.Active)
        {
            throw PokerException.Conflict("template_inactive", $"Template {TemplateId} is inactive: it creates no new tables.");
        }

        version = State.Versions.Count;
        tables[tableId] = version;
        return version;
    }

    public Task Release(string tableId)
    {
        // Not loaded yet: the table's row is ended already (it is saved before it releases), so a later load leaves it out.
        if (tables is { IsCompletedSuccessfully: true } loaded)
        {
            loaded.Result.Remove(tableId);
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// How many tables use the template, each asked whether it exists. A table whose creation failed after its row was
    /// written and before its state was (the database failed in between) left an open row and no table; the template
    /// counts such a row again after it reactivates. Such a row is ended here, so it no longer holds the template.
    /// </summary>
    private async Task<int> TablesThatExist()
    {
        var tables = await Tables();
        var missing = await Task.WhenAll(tables.Keys.Select(async tableId => await Exists(tableId) ? null : tableId));
        foreach (var tableId in missing.OfType<string>())
        {
            if (await records.FindTableAsync(tableId) is { Status: not TableStatus.Ended } row)
            {
                await records.UpsertTableAsync(row with { Status = TableStatus.Ended, EndedAt = time.GetUtcNow() });
            }

            tables.Remove(tableId);
            logger.LogWarning("Template {TemplateId}: table {TableId} has an open row but was never stored (its creation failed); its row is ended", TemplateId, tableId);
        }

        return tables.Count;
    }

    /// <summary>
    /// Whether the table exists. One that does not answer within <see cref="ExistsTimeout"/> counts as existing (in
    /// use): it may be busy calling this template, as a creation under that id does (<see cref="Acquire"/> waits for
    /// the deletion's turn), and waiting longer would hold both until Orleans' response timeout.
    /// </summary>
    private async Task<bool> Exists(string tableId)
    {
        try
        {
            await GrainFactory.GetGrain<ITableGrain>(tableId).GetSummary().WaitAsync(ExistsTimeout);
            return true;
        }
        catch (PokerException ex) when (ex.Code == "not_found")
        {
            return false;
        }
        catch (TimeoutException)
        {
            logger.LogInformation("Template {TemplateId}: table {TableId} did not answer within {Seconds} s; it counts as in use", TemplateId, tableId, ExistsTimeout.TotalSeconds);
            return true;
        }
    }

    private async Task AddVersion(TemplateConfig config, bool active)
    {
        var now = time.GetUtcNow();

        // The row first: if writing it fails, the state does not claim a version the database lacks. If the state's
        // write fails after it, the row is written again (replaced) by the next attempt at that version.
        await records.SaveTemplateVersionAsync(TemplateId, State.Versions.Count + 1, config, active, now);
        State.Versions.Add(config);
        State.Active = active;
        State.UpdatedAt = now;
    }

    private void RequireExists()
    {
        if (!State.Exists)
        {
            throw PokerException.NotFound($"Template {TemplateId}");
        }
    }

    private async Task<TemplateInfo> Info() =>
        new(TemplateId, State.Versions.Count, State.Versions[^1], State.Active, State.UpdatedAt, (await Tables()).Count);

    /// <summary>The tables using the template, loaded once: <see cref="Get"/> interleaves, so two calls may ask at once.</summary>
    private Task<Dictionary<string, int>> Tables() =>
        tables is null || (tables.IsCompleted && !tables.IsCompletedSuccessfully) ? tables = LoadTables() : tables;

    private async Task<Dictionary<string, int>> LoadTables() =>
        new(await records.FindOpenTablesAsync(TemplateId), StringComparer.Ordinal);
}
