namespace Orleans.Poker.Grains.Interfaces.Players;

/// <summary>
/// The room's chip balance sheet from the ledger: every chip ever issued is in a player's balance, the house account or
/// on a table. <see cref="OnTables"/> is what the ledger moved to tables and not back (buy-ins − cash-outs − prizes −
/// rake): the stacks, pots and prize pools of the open tables.
/// </summary>
/// <param name="Issued">Grants, daily top-ups and admin adjustments.</param>
/// <param name="Players">Players' balances (the house excluded), as the wallets hold them.</param>
/// <param name="House">The house account's balance: all rake taken.</param>
/// <param name="OnTables">Chips the ledger says are on tables.</param>
/// <param name="WalletsMatchLedger">Every wallet's balance equals the sum of its player's ledger entries.</param>
[GenerateSerializer, Immutable, Alias("poker.ledger-balance.v1")]
public sealed record LedgerBalance(
    [property: Id(0)] long Issued,
    [property: Id(1)] long Players,
    [property: Id(2)] long House,
    [property: Id(3)] long OnTables,
    [property: Id(4)] bool WalletsMatchLedger)
{
    /// <summary>Players' balances + chips on tables + the house = all chips ever issued, and the wallets agree.</summary>
    public bool Balanced => WalletsMatchLedger && Players + House + OnTables == Issued;
}
