namespace Orleans.Poker.Grains.Interfaces.Templates;

/// <summary>One version of a table template.</summary>
[GenerateSerializer, Immutable, Alias("poker.template-info.v1")]
public sealed record TemplateInfo(
    [property: Id(0)] string Id,
    [property: Id(1)] int Version,
    [property: Id(2)] TemplateConfig Config,
    [property: Id(3)] bool Active,
    [property: Id(4)] DateTimeOffset UpdatedAt,
    [property: Id(5)] int TablesInUse);
