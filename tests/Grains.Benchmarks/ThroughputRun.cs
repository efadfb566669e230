using System.Diagnostics;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Benchmarks;

/// <summary>
/// Many three-handed tables playing at once, every seat a bot in the client acting on the table's events.
/// Counts accepted actions in a measured window after a warm-up, with CPU, allocation and latency per action.
/// </summary>
public static class ThroughputRun
{
    public static async Task Run(string? postgres, int tables, TimeSpan warmUp, TimeSpan window, string suffix)
    {
        await using var cluster = await BenchCluster.StartAsync(postgres);
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

        await Task.Delay(warmUp);
        var process = Process.GetCurrentProcess();
        var (actions0, latency0, cpu0, alloc0, gen0, pause0) = Sample(counter, process);
        clock.Restart();
        await Task.Delay(window);
        var (actions1, latency1, cpu1, alloc1, gen1, pause1) = Sample(counter, process);
        var seconds = clock.Elapsed.TotalSeconds;
        counter.Stopping = true;

        var actions = actions1 - actions0;
        // No accepted action for 10 s: far beyond a loaded round trip, so the table's bot has lost its turn.
        var stalled = bots.Count(b => Stopwatch.GetElapsedTime(b.LastActionTicks) > TimeSpan.FromSeconds(10));
        Figure.Print($"actions_per_s{suffix}", actions / seconds, "actions/s");
        Figure.Print($"cpu_us_per_action{suffix}", actions == 0 ? 0 : (cpu1 - cpu0).TotalMicroseconds / actions, "us");
        Figure.Print($"alloc_bytes_per_action{suffix}", actions == 0 ? 0 : (double)(alloc1 - alloc0) / actions, "bytes");
        Figure.Print($"act_latency_ms{suffix}", actions == 0 ? 0 : Stopwatch.GetElapsedTime(0, latency1 - latency0).TotalMilliseconds / actions, "ms");
        Figure.Print($"gen0_gcs_per_s{suffix}", (gen1 - gen0) / seconds, "gcs/s");
        Figure.Print($"gc_pause_percent{suffix}", 100 * (pause1 - pause0).TotalSeconds / seconds, "%");
        Figure.Print($"stalled_tables{suffix}", stalled, "tables");
        Figure.Note($"{actions} actions in {seconds:0.0} s on {tables} tables{suffix}, {counter.RejectedCount} rejected, {Environment.ProcessorCount} cores, CPU {(cpu1 - cpu0).TotalSeconds:0.0} s");

        await Task.Delay(TimeSpan.FromSeconds(1));
        var calls = await CallFloor(bots.Select(b => b.Table).ToArray(), TimeSpan.FromSeconds(5));
        Figure.Print($"grain_calls_per_s{suffix}", calls, "calls/s");
        Figure.Note($"grain_calls_per_s: the machine's floor for comparison, a plain request/response call (GetSummary) per table in a loop, nothing persisted");

        foreach (var reference in references.Where(r => r is not null))
        {
            cluster.Client.DeleteObjectReference<ITableObserver>(reference);
        }
    }

    private static async Task<double> CallFloor(ITableGrain[] tables, TimeSpan window)
    {
        long calls = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(tables.Select(async table =>
        {
            while (clock.Elapsed < window)
            {
                await table.GetSummary();
                Interlocked.Increment(ref calls);
            }
        }));
        return calls / clock.Elapsed.TotalSeconds;
    }

    private static (long Actions, long LatencyTicks, TimeSpan Cpu, long Allocated, int Gen0, TimeSpan GcPause) Sample(ActionCounter counter, Process process)
    {
        process.Refresh();
        return (counter.AcceptedCount, counter.LatencyTicks, process.TotalProcessorTime, GC.GetTotalAllocatedBytes(), GC.CollectionCount(0), GC.GetTotalPauseDuration());
    }
}
