using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Tables;

/// <summary>
/// The table's queue: its waitlist grain, and the queue's length the table keeps in its state for the lobby entry and
/// the gauges (<see cref="TableState.WaitlistLength"/>, written with the table's next change).
/// </summary>
/// <param name="grains">Where the waitlist grain is.</param>
/// <param name="tableId">The table (and its waitlist grain's key).</param>
/// <param name="state">The table's loaded state (the grain's storage keeps this instance while the table is active).</param>
public sealed class TableWaitlist(IGrainFactory grains, string tableId, TableState state)
{
    private IWaitlistGrain Queue => grains.GetGrain<IWaitlistGrain>(tableId);

    /// <summary>Queues the player (once); their 1-based position.</summary>
    public async Task<int> Join(long playerId, string displayName)
    {
        var position = await Queue.Join(playerId, displayName);
        await CountQueue();
        return position;
    }

    /// <summary>Takes the player out of the queue; true if they were in it.</summary>
    public async Task<bool> Leave(long playerId)
    {
        var left = await Queue.Leave(playerId);
        if (left)
        {
            await CountQueue();
        }

        return left;
    }

    /// <summary>A player who sat down leaves the queue; only a table with a queue wakes its waitlist grain, so idle tables stay small.</summary>
    public async Task Seated(long playerId)
    {
        if (state.WaitlistLength > 0)
        {
            await Leave(playerId);
        }
    }

    /// <summary>The head of the queue, taken out of it (players seated here are skipped); null when nobody waits.</summary>
    public Task<WaitlistEntry?> TakeNext() => Queue.TakeNext(state.Seats.OfType<SeatState>().Select(s => s.PlayerId).ToArray());

    private async Task CountQueue() => state.WaitlistLength = (await Queue.List()).Count;
}
