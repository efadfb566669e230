using Orleans.Concurrency;

namespace Orleans.Poker.Grains.Interfaces.Templates;

/// <summary>A table template, keyed by its id (e.g. <c>nlhe-cash</c>). Every edit makes a new version.</summary>
[Alias("poker.template")]
public interface ITemplateGrain : IGrainWithStringKey
{
    /// <summary>
    /// The current version, or null when the template does not exist (or was deleted). Interleaves: the catalog asks
    /// every template for its list while <see cref="Delete"/> (or <see cref="Create"/>) may be waiting on the catalog.
    /// </summary>
    [Alias("Get"), AlwaysInterleave]
    Task<TemplateInfo?> Get();

    /// <summary>
    /// A specific version's configuration (tables keep the version they were created from). Interleaves: a table
    /// being created asks for it while <see cref="Delete"/> may be asking that table whether it exists.
    /// </summary>
    [Alias("GetVersion"), AlwaysInterleave]
    Task<TemplateConfig> GetVersion(int version);

    /// <summary>Creates version 1; throws <c>template_exists</c> if it exists, <c>invalid_template</c> if invalid.</summary>
    [Alias("Create")]
    Task<TemplateInfo> Create(TemplateConfig config);

    /// <summary>Validates and stores a new version; existing tables keep theirs.</summary>
    [Alias("Update")]
    Task<TemplateInfo> Update(TemplateConfig config);

    /// <summary>Activates or deactivates: a deactivated template creates no new tables.</summary>
    [Alias("SetActive")]
    Task<TemplateInfo> SetActive(bool active);

    /// <summary>
    /// Deletes the template; throws <c>template_in_use</c> while tables use it. Each table counted is asked whether it
    /// exists first: a row whose table was never stored (its creation failed between the row and the state) is ended.
    /// </summary>
    [Alias("Delete")]
    Task Delete();

    /// <summary>Records that a table now uses (or no longer uses) this template; returns the version to use.</summary>
    [Alias("Acquire")]
    Task<int> Acquire(string tableId);

    /// <summary>Releases a table's use of this template (the table ended). Interleaves, like <see cref="GetVersion"/>.</summary>
    [Alias("Release"), AlwaysInterleave]
    Task Release(string tableId);
}
