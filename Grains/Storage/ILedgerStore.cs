using Orleans.Poker.Grains.Interfaces.Admin;
using Orleans.Poker.Grains.Interfaces.Players;

namespace Orleans.Poker.Grains.Storage;

/// <summary>
/// The append-only ledger of balance changes (PostgreSQL <c>ledger_transactions</c>). The transfer id is unique:
/// appending an entry whose transfer id is already stored changes nothing and returns the stored entry.
/// </summary>
public interface ILedgerStore
{
    /// <summary>
    /// Appends <paramref name="entry"/> unless its transfer id is stored already; the result says which entry is stored
    /// under that id (the new one, or the earlier one). Also sets the player's wallet balance to the entry's balance.
    /// </summary>
    Task<LedgerAppendResult> AppendAsync(LedgerEntry entry, long? adminId = null, CancellationToken cancellationToken = default);

    /// <summary>The entry stored under <paramref name="transferId"/>, or null.</summary>
    Task<LedgerEntry?> FindAsync(string transferId, CancellationToken cancellationToken = default);

    /// <summary>A player's entries, newest first.</summary>
    Task<IReadOnlyList<LedgerEntry>> GetPlayerEntriesAsync(long playerId, int skip, int take, CancellationToken cancellationToken = default) =>
        SearchAsync(new LedgerQuery(playerId, Skip: skip, Take: take), cancellationToken);

    /// <summary>The entries <paramref name="query"/> asks for, newest first (or oldest first), in append order within an instant.</summary>
    Task<IReadOnlyList<LedgerEntry>> SearchAsync(LedgerQuery query, CancellationToken cancellationToken = default);

    /// <summary>Every player's entries recorded in [<paramref name="from"/>, <paramref name="to"/>), oldest first.</summary>
    Task<IReadOnlyList<LedgerEntry>> GetEntriesAsync(DateTimeOffset from, DateTimeOffset to, int skip, int take, CancellationToken cancellationToken = default) =>
        SearchAsync(new LedgerQuery(From: from, To: to, Skip: skip, Take: take, OldestFirst: true), cancellationToken);

    /// <summary>The room's balance sheet: issued chips against balances, the house and what is on tables.</summary>
    Task<LedgerBalance> GetBalanceAsync(CancellationToken cancellationToken = default);
}
