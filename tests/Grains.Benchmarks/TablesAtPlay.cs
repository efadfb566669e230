using System.Diagnostics;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Benchmarks;

/// <summary>
/// Many three-handed tables playing at once in one in-process cluster, every seat a bot in the client acting on the
/// table's events. <see cref="Sample"/> reads the counters a measured window is the difference of. The bots renew
/// their subscriptions every <see cref="ResubscribeInterval"/>, as the gateway and the bot do: a table forgets an
/// observer it has not heard from for five minutes, and a run longer than that would otherwise stop dealing.
/// </summary>
public sealed class TablesAtPlay : IAsyncDisposable
{
    public static readonly TimeSpan ResubscribeInterval = TimeSpan.FromMinutes(1);

    private readonly BenchCluster cluster;
    private readonly ITableObserver[] references;
    private readonly CancellationTokenSource stop = new();
    private readonly Task renewing;

    private TablesAtPlay(BenchCluster cluster, TableBot[] bots, ITableObserver[] references, ActionCounter counter)
    {
        this.cluster = cluster;
        Bots = bots;
        this.references = references;
        Counter = counter;
        renewing = Renew();
    }

    public TableBot[] Bots { get; }

    public ActionCounter Counter { get; }

    public IGrainFactory Grains => cluster.Client;

    /// <summary>A service of the silo (its table journal, say).</summary>
    public T SiloService<T>()
        where T : notnull => cluster.SiloService<T>();

    /// <summary>The heap after the cluster started, before any table: what the tables and their players add is measured against it.</summary>
    public long HeapBeforeTables { get; private init; }

    public static async Task<TablesAtPlay> StartAsync(string? postgres, int tables, string suffix, Action<ISiloBuilder>? configure = null)
    {
        var cluster = await BenchCluster.StartAsync(postgres, configure);
        var setup = new PokerSetup(cluster.Client);
        var template = await setup.Template(minPlayers: 3);
        var heapBeforeTables = GC.GetTotalMemory(forceFullCollection: true);
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
        return new TablesAtPlay(cluster, bots, references, counter) { HeapBeforeTables = heapBeforeTables };
    }

    public Sample Sample()
    {
        using var process = Process.GetCurrentProcess();
        return new Sample(Stopwatch.GetTimestamp(), Counter.AcceptedCount, Counter.LatencyTicks, process.TotalProcessorTime, GC.GetTotalAllocatedBytes(),
            GC.CollectionCount(0), GC.GetTotalPauseDuration());
    }

    private async Task Renew()
    {
        using var timer = new PeriodicTimer(ResubscribeInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stop.Token))
            {
                try
                {
                    await PokerSetup.ForEach(Bots.Length, i => Bots[i].Table.Subscribe(references[i]));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Figure.Note($"renewing the bots' subscriptions failed ({ex.GetType().Name}: {ex.Message}); tried again in {ResubscribeInterval.TotalMinutes:0} min");
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        Counter.Stopping = true;
        await stop.CancelAsync();
        await renewing;
        stop.Dispose();
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
