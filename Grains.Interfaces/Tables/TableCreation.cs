namespace Orleans.Poker.Grains.Interfaces.Tables;

/// <summary>How to create a table: from a template (its current version), by whom, with an optional name.</summary>
[GenerateSerializer, Immutable, Alias("poker.table-creation.v1")]
public sealed record TableCreation(
    [property: Id(0)] string TemplateId,
    [property: Id(1)] long CreatedBy,
    [property: Id(2)] string? Name = null);
