using System.Collections.Concurrent;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Tests.Tables;

/// <summary>Collects table events and lets a test await one (an explicit barrier, no sleeps).</summary>
public sealed class RecordingObserver : ITableObserver
{
    private readonly ConcurrentQueue<TableEvent> events = new();
    private readonly List<(Func<TableEvent, bool> Match, TaskCompletionSource<TableEvent> Done)> waiters = [];

    public IReadOnlyCollection<TableEvent> Events => events;

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

    public Task<TableEvent> WaitFor(Func<TableEvent, bool> match)
    {
        lock (waiters)
        {
            if (events.FirstOrDefault(match) is { } seen)
            {
                return Task.FromResult(seen);
            }

            var done = new TaskCompletionSource<TableEvent>(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Add((match, done));
            return done.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }
}
