namespace Orleans.Poker.Grains.Interfaces.Analytics;

/// <summary>
/// A search of the insights: of <see cref="Severity"/> and <see cref="Kind"/>, open (condition still holding) or
/// resolved (each optional), newest first, <see cref="Take"/> after <see cref="Skip"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("poker.insight-query.v1")]
public sealed record InsightQuery(
    [property: Id(0)] InsightSeverity? Severity = null,
    [property: Id(1)] string? Kind = null,
    [property: Id(2)] bool? Open = null,
    [property: Id(3)] int Skip = 0,
    [property: Id(4)] int Take = 50)
{
    /// <summary>True when <paramref name="insight"/> is one this search asks for (paging aside).</summary>
    public bool Matches(Insight insight) =>
        (Severity is null || insight.Severity == Severity)
        && (Kind is null || insight.Kind == Kind)
        && (Open is null || insight.Open == Open);
}
