namespace Orleans.Poker.Grains.Storage;

/// <summary>One seat taken at a table (<c>seat_history</c>): open while <see cref="LeftAt"/> is null.</summary>
public sealed record SeatHistoryRow(
    string TableId, int Seat, long PlayerId, long BuyIn, DateTimeOffset SatAt, DateTimeOffset? LeftAt, long? CashOut, SeatLeftReason? Reason);
