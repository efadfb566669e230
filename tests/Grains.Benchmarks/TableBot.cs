using System.Diagnostics;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Benchmarks;

/// <summary>
/// Plays every seat of one table from the client, driven by the table's events: when an event newer than any
/// seen carries legal actions for a seat, that seat checks or calls. A rejected action is recovered from a snapshot.
/// </summary>
public sealed class TableBot(ITableGrain table, ActionCounter counter) : ITableObserver
{
    private long lastSeq;
    private long clientSeq;

    public ITableGrain Table => table;

    /// <summary>When this table last accepted one of the bot's actions (Stopwatch ticks).</summary>
    public long LastActionTicks { get; private set; } = Stopwatch.GetTimestamp();

    public Task OnTableEvent(TableEvent tableEvent)
    {
        // One-way calls may arrive out of order: act only on the newest event.
        long seen;
        do
        {
            seen = Volatile.Read(ref lastSeq);
            if (tableEvent.EventSeq <= seen)
            {
                return Task.CompletedTask;
            }
        }
        while (Interlocked.CompareExchange(ref lastSeq, tableEvent.EventSeq, seen) != seen);

        foreach (var mine in tableEvent.Private)
        {
            if (mine.Legal is { } legal && !counter.Stopping)
            {
                _ = Act(mine.PlayerId, new TurnRef(tableEvent.View.HandNo, tableEvent.View.TurnId), legal, recover: true);
                break;
            }
        }

        return Task.CompletedTask;
    }

    private async Task Act(long playerId, TurnRef turn, LegalActions legal, bool recover)
    {
        var action = new PlayerAction(legal.CanCheck ? ActionKind.Check : ActionKind.Call);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await table.Act(playerId, turn, action, Interlocked.Increment(ref clientSeq));
            LastActionTicks = Stopwatch.GetTimestamp();
            counter.Accepted(LastActionTicks - started);
        }
        catch (Exception) when (recover && !counter.Stopping)
        {
            counter.Rejected();
            await Recover();
        }
        catch (Exception)
        {
            counter.Rejected();
        }
    }

    /// <summary>Acts from a fresh snapshot after a rejected or lost action.</summary>
    private async Task Recover()
    {
        var view = (await table.GetSnapshot(null)).View;
        if (view.ActorSeat is int seat && view.Seats[seat].PlayerId is long player
            && (await table.GetSnapshot(player)).Mine?.Legal is { } legal)
        {
            await Act(player, new TurnRef(view.HandNo, view.TurnId), legal, recover: false);
        }
    }
}
