using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Runtime;

namespace Orleans.Poker.Grains.Benchmarks;

/// <summary>
/// <c>--analytics compare</c>'s "on" side: the analytics collector's reminder tick (snapshots at their interval, hourly
/// statistics at the hour, retention, the insight rules and their delivery) called every second — sixty times its
/// production cadence of one a minute — until disposed.
/// </summary>
public sealed class AnalyticsTicker : IDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public AnalyticsTicker(IGrainFactory grains)
    {
        var collector = grains.GetGrain<IAnalyticsGrain>(IAnalyticsGrain.Key).AsReference<IRemindable>();
        loop = Task.Run(async () =>
        {
            var started = DateTime.UtcNow;
            while (!stop.IsCancellationRequested)
            {
                await collector.ReceiveReminder("analytics", new TickStatus(started, TimeSpan.FromMinutes(1), DateTime.UtcNow));
                Ticks++;
                await Task.Delay(TimeSpan.FromSeconds(1), stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        });
    }

    public int Ticks { get; private set; }

    public void Dispose()
    {
        stop.Cancel();
        loop.GetAwaiter().GetResult();
        stop.Dispose();
    }
}
