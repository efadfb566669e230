using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Templates;

/// <summary>
/// A table template. Every edit stores a new version and older versions stay readable, so tables keep the one they
/// were created from. The versions are also written to <c>table_templates</c>, which table rows reference.
/// </summary>
public sealed class TemplateGrain(
    [PersistentState("template", PokerStorage.Name)] IPersistentState<TemplateState> store,
    ITableRecordStore records,
    TimeProvider time,
    ILogger<TemplateGrain> logger) : Grain, ITemplateGrain
{
    private TemplateState State => store.State;

    private string TemplateId => this.GetPrimaryKeyString();

    public Task<TemplateInfo?> Get() => Task.FromResult(State.Exists ? Info() : null);

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
        await AddVersion(config, active: true);
        State.Exists = true;
        await store.WriteStateAsync();
        await GrainFactory.GetGrain<ITemplateCatalogGrain>(0).Register(TemplateId);
        logger.LogInformation("Template {TemplateId} created ({Variant})", TemplateId, config.Variant);
        return Info();
    }

    public async Task<TemplateInfo> Update(TemplateConfig config)
    {
        RequireExists();
        TemplateValidator.ThrowIfInvalid(config);
        await AddVersion(config, State.Active);
        await store.WriteStateAsync();
        logger.LogInformation("Template {TemplateId} is now version {Version}", TemplateId, State.Versions.Count);
        return Info();
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
            await store.WriteStateAsync();
        }

        return Info();
    }

    public async Task Delete()
    {
        RequireExists();
        if (State.Tables.Count > 0)
        {
            throw PokerException.Conflict("template_in_use", $"Template {TemplateId} is used by {State.Tables.Count} table(s); close them first.");
        }

        // The version rows stay: ended tables still reference them.
        await records.SaveTemplateVersionAsync(TemplateId, State.Versions.Count, State.Versions[^1], active: false, time.GetUtcNow());
        State.Exists = false;
        State.Active = false;
        State.UpdatedAt = time.GetUtcNow();
        await store.WriteStateAsync();
        await GrainFactory.GetGrain<ITemplateCatalogGrain>(0).Unregister(TemplateId);
        logger.LogInformation("Template {TemplateId} deleted", TemplateId);
    }

    public async Task<int> Acquire(string tableId)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableId);
        if (State.Tables.TryGetValue(tableId, out var version))
        {
            return version;
        }

        RequireExists();
        if (!State.Active)
        {
            throw PokerException.Conflict("template_inactive", $"Template {TemplateId} is inactive: it creates no new tables.");
        }

        version = State.Versions.Count;
        State.Tables[tableId] = version;
        await store.WriteStateAsync();
        return version;
    }

    public async Task Release(string tableId)
    {
        if (State.Tables.Remove(tableId))
        {
            await store.WriteStateAsync();
        }
    }

    private async Task AddVersion(TemplateConfig config, bool active)
    {
        var now = time.GetUtcNow();

        // The row first: if writing it fails, the state does not claim a version the database lacks.
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

    private TemplateInfo Info() => new(TemplateId, State.Versions.Count, State.Versions[^1], State.Active, State.UpdatedAt, State.Tables.Count);
}
