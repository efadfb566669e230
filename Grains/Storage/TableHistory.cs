namespace Orleans.Poker.Grains.Storage;

/// <summary>A table's seat and waitlist history, oldest first.</summary>
public sealed record TableHistory(IReadOnlyList<SeatHistoryRow> Seats, IReadOnlyList<WaitlistHistoryRow> Waits);
