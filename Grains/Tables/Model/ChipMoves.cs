using Orleans.Poker.Grains.Interfaces.Players;

namespace Orleans.Poker.Grains.Tables.Model;

/// <summary>
/// The chip moves between a table and players' balances, one factory per kind with its transfer id scheme. A move is
/// recorded in the table's state before the player grain is called and retried with the same id until confirmed, so
/// the player's ledger applies it once.
/// </summary>
public static class ChipMoves
{
    /// <summary>Balance → table when a player sits down (each attempt is a new move).</summary>
    public static PendingTransfer BuyIn(string tableId, long playerId, long amount) => In(tableId, playerId, $"{Guid.NewGuid():N}", amount);

    /// <summary>Balance → table between hands; the same kind and id scheme as a buy-in.</summary>
    public static PendingTransfer TopUp(string tableId, long playerId, long amount) => BuyIn(tableId, playerId, amount);

    /// <summary>A busted robot's buy-in after hand <paramref name="handNo"/>: at most one per robot and hand.</summary>
    public static PendingTransfer RobotRebuy(string tableId, long robotId, long handNo, long amount) => In(tableId, robotId, $"{handNo}", amount);

    /// <summary>Table → balance when a seat is emptied.</summary>
    public static PendingTransfer CashOut(string tableId, long playerId, long amount) => new()
    {
        TransferId = $"{tableId}:out:{playerId}:{Guid.NewGuid():N}",
        PlayerId = playerId,
        Amount = amount,
        ToTable = false,
        Kind = LedgerKind.CashOut,
    };

    /// <summary>A sit-and-go's prize pool to its winner: one per table and player.</summary>
    public static PendingTransfer Prize(string tableId, long playerId, long amount) => new()
    {
        TransferId = $"{tableId}:prize:{playerId}",
        PlayerId = playerId,
        Amount = amount,
        ToTable = false,
        Kind = LedgerKind.Prize,
    };

    /// <summary>Hand <paramref name="handNo"/>'s rake to the house account: one per table and hand.</summary>
    public static PendingTransfer Rake(string tableId, long handNo, long amount) => new()
    {
        TransferId = $"{tableId}:rake:{handNo}",
        PlayerId = HouseAccount.PlayerId,
        Amount = amount,
        ToTable = false,
        Kind = LedgerKind.Rake,
    };

    /// <summary>The id that refunds a buy-in whose seat was never taken (a crash between the debit and the seat).</summary>
    public static string RefundId(PendingTransfer buyIn) => buyIn.TransferId + ":refund";

    private static PendingTransfer In(string tableId, long playerId, string suffix, long amount) => new()
    {
        TransferId = $"{tableId}:in:{playerId}:{suffix}",
        PlayerId = playerId,
        Amount = amount,
        ToTable = true,
        Kind = LedgerKind.BuyIn,
    };
}
