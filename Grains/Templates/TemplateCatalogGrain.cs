using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Templates;

/// <summary>The list of template ids. Read by lobby and admin pages only, so one grain is enough.</summary>
public sealed class TemplateCatalogGrain(
    [PersistentState("template-catalog", PokerStorage.Name)] IPersistentState<TemplateCatalogState> store) : Grain, ITemplateCatalogGrain
{
    public async Task<IReadOnlyList<TemplateInfo>> List()
    {
        var infos = await Task.WhenAll(store.State.TemplateIds.Select(id => GrainFactory.GetGrain<ITemplateGrain>(id).Get()));
        return infos.OfType<TemplateInfo>().OrderBy(t => t.Id, StringComparer.Ordinal).ToList();
    }

    public async Task Register(string templateId)
    {
        ArgumentException.ThrowIfNullOrEmpty(templateId);
        if (!store.State.TemplateIds.Contains(templateId))
        {
            store.State.TemplateIds.Add(templateId);
            await store.WriteOrDeactivate(this);
        }
    }

    public async Task Unregister(string templateId)
    {
        if (store.State.TemplateIds.Remove(templateId))
        {
            await store.WriteOrDeactivate(this);
        }
    }
}
