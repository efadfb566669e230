namespace Orleans.Poker.Grains.Interfaces.Tables;

/// <summary>
/// How to create a table: from a template (its current version), by whom, with an optional name. A table is private
/// (joined with an invite code, not listed) when its template is, or when <see cref="Private"/> asks for it.
/// </summary>
[GenerateSerializer, Immutable, Alias("poker.table-creation.v1")]
public sealed record TableCreation(
    [property: Id(0)] string TemplateId,
    [property: Id(1)] long CreatedBy,
    [property: Id(2)] string? Name = null,
    [property: Id(3)] bool Private = false);
