using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Tables;

/// <summary>
/// The table's outbox of settled hand histories (<see cref="TableState.PendingHistories"/>): a finished hand is added to
/// the state in the write that settles it, and stored in the hand-history store from here, oldest first. The table's
/// timer retries what the store refuses, so a hand is never lost for a database outage.
/// </summary>
/// <param name="store">The hand-history store (PostgreSQL in production).</param>
/// <param name="tableId">The table whose hands these are.</param>
/// <param name="state">The table's loaded state (the grain's storage keeps this instance while the table is active).</param>
/// <param name="logger">The table grain's logger.</param>
public sealed class HandHistoryOutbox(IHandHistoryStore store, string tableId, TableState state, ILogger logger)
{
    /// <summary>
    /// Stores the settled hands of the outbox, oldest first; what the store refuses stays for the timer to retry. The
    /// emptied outbox is written with the table's next change: a replay after a crash stores nothing twice.
    /// </summary>
    public async Task Flush()
    {
        while (state.PendingHistories.Count > 0)
        {
            var record = state.PendingHistories[0];
            try
            {
                await store.SaveAsync(record);
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Table {TableId} hand {HandNo} history not stored yet; retrying", tableId, record.HandNumber);
                return;
            }

            state.PendingHistories.RemoveAt(0);
        }
    }

    /// <summary>Hand <paramref name="handNo"/>'s history, from the outbox while it waits there, else from the store.</summary>
    public async Task<HandRecord?> Find(long handNo) =>
        state.PendingHistories.Find(h => h.HandNumber == handNo) ?? await store.GetAsync(tableId, handNo);
}
