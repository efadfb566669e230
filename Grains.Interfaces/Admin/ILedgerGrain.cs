using Orleans.Poker.Grains.Interfaces.Players;

namespace Orleans.Poker.Grains.Interfaces.Admin;

/// <summary>The room's ledger for admins (key 0): every player's entries by time and the balance sheet.</summary>
[Alias("poker.ledger")]
public interface ILedgerGrain : IGrainWithIntegerKey
{
    /// <summary>The most entries one call returns.</summary>
    public const int MaxTake = 1000;

    /// <summary>Entries recorded in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    [Alias("Entries")]
    Task<IReadOnlyList<LedgerEntry>> Entries(DateTimeOffset from, DateTimeOffset to, int skip, int take);

    /// <summary>Issued chips against players' balances, the house and chips on tables.</summary>
    [Alias("Balance")]
    Task<LedgerBalance> Balance();

    /// <summary>The entries a search asks for (one player's or everyone's), newest first; at most <see cref="MaxTake"/>.</summary>
    [Alias("Search")]
    Task<IReadOnlyList<LedgerEntry>> Search(LedgerQuery query);
}
