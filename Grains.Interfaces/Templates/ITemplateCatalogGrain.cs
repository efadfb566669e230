namespace Orleans.Poker.Grains.Interfaces.Templates;

/// <summary>The list of template ids (key 0). Off the action path: read by the lobby and admin pages only.</summary>
[Alias("poker.template-catalog")]
public interface ITemplateCatalogGrain : IGrainWithIntegerKey
{
    /// <summary>Every template's current version, active or not.</summary>
    [Alias("List")]
    Task<IReadOnlyList<TemplateInfo>> List();

    /// <summary>Adds a template id to the catalog (called by the template grain on create).</summary>
    [Alias("Register")]
    Task Register(string templateId);

    /// <summary>Removes a template id (called by the template grain on delete).</summary>
    [Alias("Unregister")]
    Task Unregister(string templateId);
}
