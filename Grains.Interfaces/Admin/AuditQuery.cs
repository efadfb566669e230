namespace Orleans.Poker.Grains.Interfaces.Admin;

/// <summary>
/// A search of the audit log: entries by <see cref="AdminId"/>, of <see cref="Action"/>, at or after
/// <see cref="From"/> and before <see cref="To"/> (each optional), newest first, <see cref="Take"/> after
/// <see cref="Skip"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("poker.audit-query.v1")]
public sealed record AuditQuery(
    [property: Id(0)] long? AdminId = null,
    [property: Id(1)] string? Action = null,
    [property: Id(2)] DateTimeOffset? From = null,
    [property: Id(3)] DateTimeOffset? To = null,
    [property: Id(4)] int Skip = 0,
    [property: Id(5)] int Take = 50)
{
    /// <summary>The most entries one search returns.</summary>
    public const int MaxTake = 1000;

    /// <summary>True when <paramref name="entry"/> is one this search asks for (paging aside).</summary>
    public bool Matches(AuditEntry entry) =>
        (AdminId is null || entry.AdminId == AdminId)
        && (Action is null || entry.Action == Action)
        && (From is null || entry.At >= From)
        && (To is null || entry.At < To);
}
