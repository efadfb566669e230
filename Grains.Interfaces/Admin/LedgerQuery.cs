using Orleans.Poker.Grains.Interfaces.Players;

namespace Orleans.Poker.Grains.Interfaces.Admin;

/// <summary>
/// A search of the ledger: entries of <see cref="PlayerId"/> (every player's when null), of <see cref="Kind"/>,
/// recorded at or after <see cref="From"/> and before <see cref="To"/> (each optional), newest first (oldest first with
/// <see cref="OldestFirst"/>: the order an export pages through without missing rows added meanwhile), <see cref="Take"/>
/// after <see cref="Skip"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("poker.ledger-query.v1")]
public sealed record LedgerQuery(
    [property: Id(0)] long? PlayerId = null,
    [property: Id(1)] LedgerKind? Kind = null,
    [property: Id(2)] DateTimeOffset? From = null,
    [property: Id(3)] DateTimeOffset? To = null,
    [property: Id(4)] int Skip = 0,
    [property: Id(5)] int Take = 50,
    [property: Id(6)] bool OldestFirst = false)
{
    /// <summary>True when <paramref name="entry"/> is one this search asks for (paging aside).</summary>
    public bool Matches(LedgerEntry entry) =>
        (PlayerId is null || entry.PlayerId == PlayerId)
        && (Kind is null || entry.Kind == Kind)
        && (From is null || entry.At >= From)
        && (To is null || entry.At < To);
}
