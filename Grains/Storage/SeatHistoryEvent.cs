namespace Orleans.Poker.Grains.Storage;

/// <summary>
/// One change to the seat and waitlist history of a table, at <see cref="At"/> (the table's clock). Made by the
/// factories; <see cref="ISeatHistoryStore.ApplyAsync"/> applies a batch of them in order.
/// </summary>
/// <param name="Kind">What happened.</param>
/// <param name="TableId">The table.</param>
/// <param name="PlayerId">The player (unused by <see cref="SeatHistoryKind.WaitlistClosed"/>).</param>
/// <param name="At">When.</param>
public sealed record SeatHistoryEvent(SeatHistoryKind Kind, string TableId, long PlayerId, DateTimeOffset At)
{
    /// <summary>The seat taken.</summary>
    public int Seat { get; init; }

    /// <summary>The buy-in of a seat taken, the cash-out of a seat left.</summary>
    public long Amount { get; init; }

    public SeatLeftReason Reason { get; init; }

    public WaitlistOutcome Outcome { get; init; }

    public static SeatHistoryEvent SeatTaken(string tableId, long playerId, int seat, long buyIn, DateTimeOffset at) =>
        new(SeatHistoryKind.SeatTaken, tableId, playerId, at) { Seat = seat, Amount = buyIn };

    public static SeatHistoryEvent SeatLeft(string tableId, long playerId, long cashOut, SeatLeftReason reason, DateTimeOffset at) =>
        new(SeatHistoryKind.SeatLeft, tableId, playerId, at) { Amount = cashOut, Reason = reason };

    public static SeatHistoryEvent WaitlistJoined(string tableId, long playerId, DateTimeOffset at) =>
        new(SeatHistoryKind.WaitlistJoined, tableId, playerId, at);

    public static SeatHistoryEvent WaitlistEnded(string tableId, long playerId, WaitlistOutcome outcome, DateTimeOffset at) =>
        new(SeatHistoryKind.WaitlistEnded, tableId, playerId, at) { Outcome = outcome };

    public static SeatHistoryEvent WaitlistClosed(string tableId, DateTimeOffset at) =>
        new(SeatHistoryKind.WaitlistClosed, tableId, 0, at);
}
