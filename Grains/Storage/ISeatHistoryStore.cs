using Orleans.Poker.Grains.Interfaces.Analytics;

namespace Orleans.Poker.Grains.Storage;

/// <summary>
/// The seat and waitlist history (<c>seat_history</c>, <c>waitlist_history</c>), written in batches by
/// <see cref="Analytics.SeatHistoryWriter"/> and read for the waits analytics.
/// </summary>
public interface ISeatHistoryStore
{
    /// <summary>
    /// Applies <paramref name="events"/> in order, all or none (one transaction). A seat taken opens a row, a seat left
    /// closes the player's open row at that table; a waitlist join opens a row, its end closes it with the outcome, and
    /// a table's close ends every wait still open there. Replaying a batch changes nothing: a row is opened once per
    /// table, player and time, and an event closes only open rows that began at or before it (never a later row). A row
    /// left open by a lost event (a silo died before its history was written) is closed as <c>unknown</c> when the same
    /// seat or player is taken, or the player queues, again.
    /// </summary>
    Task ApplyAsync(IReadOnlyList<SeatHistoryEvent> events, CancellationToken cancellationToken = default);

    /// <summary>A table's rows, oldest first (seats by time taken, waits by time joined).</summary>
    Task<TableHistory> GetTableHistoryAsync(string tableId, CancellationToken cancellationToken = default);

    /// <summary>The waits that began and the seats taken in [<paramref name="from"/>, <paramref name="to"/>), per table and for the room (or of one table).</summary>
    Task<WaitReport> GetWaitsAsync(DateTimeOffset from, DateTimeOffset to, string? tableId, CancellationToken cancellationToken = default);
}
