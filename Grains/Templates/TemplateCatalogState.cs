namespace Orleans.Poker.Grains.Templates;

/// <summary>The persisted state of the <see cref="TemplateCatalogGrain"/>.</summary>
[GenerateSerializer, Alias("poker.template-catalog-state.v1")]
public sealed class TemplateCatalogState
{
    [Id(0)] public List<string> TemplateIds { get; set; } = [];
}
