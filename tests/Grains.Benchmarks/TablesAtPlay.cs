using System.Diagnostics;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Benchmarks;

/// <summary>
/// Many three-handed tables playing at once in one in-process cluster, every seat a bot in the client acting on the
/// table's events. <see cref="Sample"/> reads the counters a measured window is the difference of.
/// </summary>
public sealed class TablesAtPlay : IAsyncDisposable
{
    private readonly BenchCluster cluster;
    private readonly ITableObserver[] references;

    private TablesAtPlay(BenchCluster cluster, TableBot[] bots, ITableObserver[] references, ActionCounter counter)
    {
        this.cluster = cluster;
        Bots = bots;
        this.references = references;
        Counter = counter;
    }

    public TableBot[] Bots { get; }

    public ActionCounter Counter { get; }

    public IGrainFactory Grains => cluster.Client;

    public static async Task<TablesAtPlay> StartAsync(string? postgres, int tables, string suffix, Action<ISiloBuilder>? configure = null)
    {
        var cluster = await BenchCluster.StartAsync(postgres, configure);
        var setup = new PokerSetup(cluster.Client);
        var template = await setup.Template(minPlayers: 3);
        var counter = new ActionCounter();
        var bots = new TableBot[tables];
        var references = new ITableObserver[tables];
        var clock = Stopwatch.StartNew();
        await PokerSetup.ForEach(tables, async i =>
        {
            var table = await setup.Table(template);
            bots[i] = new TableBot(table, counter);
            references[i] = cluster.Client.CreateObjectReference<ITableObserver>(bots[i]);
            await table.Subscribe(references[i]);
            for (var seat = 0; seat < 3; seat++)
            {
                // The third player starts the first hand; the bots play on from its event.
                await setup.Sit(table, seat);
            }
        });
        Figure.Note($"{tables} tables{suffix} set up in {clock.Elapsed.TotalSeconds:0.0} s");
        return new TablesAtPlay(cluster, bots, references, counter);
    }

    public Sample Sample()
    {
        using var process = Process.GetCurrentProcess();
        return new Sample(Stopwatch.GetTimestamp(), Counter.AcceptedCount, Counter.LatencyTicks, process.TotalProcessorTime, GC.GetTotalAllocatedBytes(),
            GC.CollectionCount(0), GC.GetTotalPauseDuration());
    }

    public async ValueTask DisposeAsync()
    {
        Counter.Stopping = true;
        foreach (var reference in references.Where(r => r is not null))
        {
            cluster.Client.DeleteObjectReference<ITableObserver>(reference);
        }

        await cluster.DisposeAsync();
    }
}

/// <summary>The counters at one moment; a window's figures are the difference of two.</summary>
public readonly record struct Sample(long Timestamp, long Actions, long LatencyTicks, TimeSpan Cpu, long Allocated, int Gen0, TimeSpan GcPause)
{
    public double SecondsSince(Sample start) => Stopwatch.GetElapsedTime(start.Timestamp, Timestamp).TotalSeconds;

    public double ActionsPerSecondSince(Sample start) => (Actions - start.Actions) / SecondsSince(start);

    public double CpuMicrosecondsPerActionSince(Sample start) => Actions == start.Actions ? 0 : (Cpu - start.Cpu).TotalMicroseconds / (Actions - start.Actions);
}
