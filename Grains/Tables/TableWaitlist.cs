using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Analytics;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Storage;
using Orleans.Poker.Grains.Tables.Model;

namespace Orleans.Poker.Grains.Tables;

/// <summary>
/// The table's queue: its waitlist grain (at the room's own tables, its template's queue when its own is empty — see
/// <see cref="ITemplateWaitlistGrain"/>), the queue's length the table keeps in its state for the lobby entry and the
/// gauges (<see cref="TableState.WaitlistLength"/>, written with the table's next change), and the waitlist history
/// (queued to the silo's <see cref="SeatHistoryWriter"/>, never awaited): a wait begins when the player joins and ends
/// when they leave the queue, sit down (offered a held seat or not), let a held seat's offer expire, or the table closes.
/// </summary>
/// <param name="grains">Where the waitlist grain is.</param>
/// <param name="history">The silo's seat and waitlist history writer.</param>
/// <param name="time">The table's clock.</param>
/// <param name="tableId">The table (and its waitlist grain's key).</param>
/// <param name="state">The table's loaded state (the grain's storage keeps this instance while the table is active).</param>
/// <param name="logger">The table grain's logger.</param>
public sealed class TableWaitlist(IGrainFactory grains, SeatHistoryWriter history, TimeProvider time, string tableId, TableState state, ILogger logger)
{
    private IWaitlistGrain Queue => grains.GetGrain<IWaitlistGrain>(tableId);

    private ITemplateWaitlistGrain TemplateWaitlist => grains.GetGrain<ITemplateWaitlistGrain>(state.TemplateId);

    /// <summary>Queues the player (once); their 1-based position.</summary>
    public async Task<int> Join(long playerId, string displayName)
    {
        var position = await Queue.Join(playerId, displayName);
        history.Add(SeatHistoryEvent.WaitlistJoined(tableId, playerId, time.GetUtcNow()));
        await CountQueue();
        return position;
    }

    /// <summary>Counts the queue again; true when the length the table keeps changed.</summary>
    public async Task<bool> Recount()
    {
        var before = state.WaitlistLength;
        await CountQueue();
        return state.WaitlistLength != before;
    }

    /// <summary>Takes the player out of the queue; true if they were in it.</summary>
    public async Task<bool> Leave(long playerId)
    {
        var left = await Dequeue(playerId);
        if (left)
        {
            Ended(playerId, WaitlistOutcome.Left);
        }

        return left;
    }

    /// <summary>
    /// A player who sat down leaves the queue, and their wait ends seated if they were queued or were
    /// <paramref name="offered"/> the seat; only a table with a queue wakes its waitlist grain, so idle tables stay small.
    /// </summary>
    public async Task Seated(long playerId, bool offered)
    {
        if (state.Config is { Type: TableType.Persistent, IsPrivate: false, WaitlistEnabled: true })
        {
            // Seated at a table of the template (any, by any path): no longer waiting for any table of it. Best effort: the
            // seat is taken whatever the queue says, and a table skips its own players when it takes the queue's head.
            await QueueCall(() => TemplateWaitlist.Seated(playerId), $"take player {playerId} out of template {state.TemplateId}'s waitlist");
        }

        // Best effort as well: the seat is stored already, and a seated player the queue still lists is taken out when
        // the table next counts its queue.
        var queued = false;
        if (state.WaitlistLength > 0)
        {
            await QueueCall(async () => queued = await Dequeue(playerId), $"take player {playerId}, seated, out of its waitlist");
        }

        if (queued || offered)
        {
            Ended(playerId, WaitlistOutcome.Seated);
        }
    }

    /// <summary>
    /// Offers a freed seat to the head of the table's own queue (players seated here are skipped), else — at a table that
    /// serves its template's queue (<see cref="ITemplateWaitlistGrain.Serves(long, bool, TableType)"/>) — to the head of
    /// that queue, whose wait is recorded here from when they joined it. <paramref name="hold"/> holds the seat for them
    /// and stores it; only then do they leave the queue, so a table that fails or crashes before its hold is stored
    /// leaves them waiting where they were. The wait goes on until they sit or the offer expires. The player held the
    /// seat, once out of the queue (so that those behind them, told of the offer, read their new places); null if none.
    /// </summary>
    public async Task<WaitlistEntry?> OfferSeat(Func<WaitlistEntry, Task> hold)
    {
        var seated = SeatedHere();
        if (state.WaitlistLength > 0)
        {
            WaitlistEntry? own = null;
            // A queue that fails (its store, its head's player grain) leaves the seat free: the table plays on, and its
            // clock offers the seat again (TableClock.Due.SeatUnoffered).
            var asked = await QueueCall(async () =>
            {
                own = await Queue.Next(seated);
                if (own is null)
                {
                    await CountQueue();
                }
            }, "take its waitlist's head");
            if (!asked)
            {
                return null;
            }

            if (own is not null)
            {
                await hold(own);
                // Best effort: the hold is stored whatever the queue says, and a player it still lists is taken out when
                // they sit or when the hold expires.
                await QueueCall(() => Dequeue(own.PlayerId), $"take player {own.PlayerId}, held a seat, out of its waitlist");
                return own;
            }
        }

        if (!ITemplateWaitlistGrain.Serves(state.CreatedBy, state.InviteCode is not null, state.Config!.Type))
        {
            return null;
        }

        WaitlistEntry? next = null;
        // Failed, the timer asks again (stored with the table's next write): players may be waiting there for this seat.
        state.TemplateQueueUnasked = !await QueueCall(async () => next = await TemplateWaitlist.Offer(tableId, Seating.HoldUntil(state, time.GetUtcNow()), seated), $"take the head of template {state.TemplateId}'s waitlist");
        if (next is not null)
        {
            await hold(next);
            history.Add(SeatHistoryEvent.WaitlistJoined(tableId, next.PlayerId, next.JoinedAt));
            await QueueCall(() => TemplateWaitlist.Held(next.PlayerId), $"take player {next.PlayerId}, held a seat, out of template {state.TemplateId}'s waitlist");
        }

        return next;
    }

    /// <summary>
    /// The seat held for the player was not taken in time: their wait ends, and they leave the table's queue if they are
    /// still in it (the table stopped between storing their hold and taking them out).
    /// </summary>
    public async Task OfferExpired(long playerId)
    {
        Ended(playerId, WaitlistOutcome.OfferExpired);
        if (state.WaitlistLength > 0)
        {
            await QueueCall(() => Dequeue(playerId), $"take player {playerId}, whose offer expired, out of its waitlist");
        }
    }

    /// <summary>The table closed: every wait still open at it ends.</summary>
    public void Closed() => history.Add(SeatHistoryEvent.WaitlistClosed(tableId, time.GetUtcNow()));

    private async Task<bool> Dequeue(long playerId)
    {
        var left = await Queue.Leave(playerId);
        if (left)
        {
            await CountQueue();
        }

        return left;
    }

    /// <summary>
    /// A call to a queue, the table's or its template's: when it fails the table plays on (a seat not offered stays free
    /// to offer again); false then.
    /// </summary>
    private async Task<bool> QueueCall(Func<Task> call, string what)
    {
        try
        {
            await call();
            return true;
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Table {TableId} could not {What}", tableId, what);
            return false;
        }
    }

    private void Ended(long playerId, WaitlistOutcome outcome) =>
        history.Add(SeatHistoryEvent.WaitlistEnded(tableId, playerId, outcome, time.GetUtcNow()));

    private long[] SeatedHere() => state.Seats.OfType<SeatState>().Select(s => s.PlayerId).ToArray();

    /// <summary>
    /// The players waiting in the table's queue. A player seated here cannot queue here, so one the queue still lists sat
    /// down while their leaving it failed: they are taken out now instead of being counted (or offered the seat they leave).
    /// </summary>
    private async Task CountQueue()
    {
        var seated = SeatedHere();
        var queue = await Queue.List();
        foreach (var stale in queue.Where(e => seated.Contains(e.PlayerId)))
        {
            await Queue.Leave(stale.PlayerId);
        }

        state.WaitlistLength = queue.Count(e => !seated.Contains(e.PlayerId));
    }
}
