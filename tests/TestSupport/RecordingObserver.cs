using System.Collections.Concurrent;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.TestSupport;

/// <summary>
/// Collects table events and lets a test await one (an explicit barrier, no sleeps): subscribe it with
/// <c>table.Subscribe(grains.CreateObjectReference&lt;ITableObserver&gt;(observer))</c> before what it should see.
/// </summary>
public sealed class RecordingObserver : ITableObserver
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);
    private readonly ConcurrentQueue<TableEvent> events = new();
    private readonly List<(Func<TableEvent, bool> Match, TaskCompletionSource<TableEvent> Done)> waiters = [];

    public IReadOnlyCollection<TableEvent> Events => events;

    /// <summary>The sequence number of the last event received; 0 before the first.</summary>
    public long LastSeq => events.LastOrDefault()?.EventSeq ?? 0;

    public Task OnTableEvent(TableEvent tableEvent)
    {
        events.Enqueue(tableEvent);
        lock (waiters)
        {
            foreach (var waiter in waiters.Where(w => w.Match(tableEvent)).ToList())
            {
                waiter.Done.TrySetResult(tableEvent);
                waiters.Remove(waiter);
            }
        }

        return Task.CompletedTask;
    }

    /// <summary>
    /// The first event, already received or still to come, that <paramref name="match"/> accepts; fails when none came
    /// within <paramref name="timeout"/> (30 s unless given), naming the last events seen.
    /// </summary>
    public async Task<TableEvent> WaitFor(Func<TableEvent, bool> match, TimeSpan? timeout = null)
    {
        TaskCompletionSource<TableEvent> done;
        lock (waiters)
        {
            if (events.FirstOrDefault(match) is { } seen)
            {
                return seen;
            }

            done = new TaskCompletionSource<TableEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((match, done));
        }

        try
        {
            return await done.Task.WaitAsync(timeout ?? DefaultTimeout);
        }
        catch (TimeoutException)
        {
            lock (waiters)
            {
                waiters.RemoveAll(w => w.Done == done);
            }

            var last = string.Join("\n", events.TakeLast(10).Select(e => $"{e.EventSeq} {e.Kind}: {e.Description}"));
            throw new Xunit.Sdk.XunitException($"No matching table event within {timeout ?? DefaultTimeout}. Last ones:\n{last}");
        }
    }
}
