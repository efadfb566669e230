using System.Diagnostics;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Benchmarks;

/// <summary>
/// Counts accepted actions of <see cref="TablesAtPlay"/> in a measured window after a warm-up, with CPU, allocation
/// and latency per action.
/// </summary>
public static class ThroughputRun
{
    /// <summary>Runs the window; its actions per second.</summary>
    public static async Task<double> Run(string? postgres, int tables, TimeSpan warmUp, TimeSpan window, string suffix)
    {
        await using var play = await TablesAtPlay.StartAsync(postgres, tables, suffix);
        await Task.Delay(warmUp);
        var walStart = postgres is null ? 0 : await PostgresFloor.WalBytes(postgres);
        var journalStart = postgres is null ? default : await PostgresFloor.Scalar<DateTime>(postgres, "SELECT now()");
        var server = ProcessCpu.Mark("postgres");
        var start = play.Sample();
        await Task.Delay(window);
        var end = play.Sample();
        var serverCpu = server.Since();
        var walEnd = postgres is null ? 0 : await PostgresFloor.WalBytes(postgres);
        var seconds = end.SecondsSince(start);
        play.Counter.Stopping = true;

        var actions = end.Actions - start.Actions;
        // No accepted action for 10 s: far beyond a loaded round trip, so the table's bot has lost its turn.
        var stalled = play.Bots.Count(b => Stopwatch.GetElapsedTime(b.LastActionTicks) > TimeSpan.FromSeconds(10));
        Figure.Print($"actions_per_s{suffix}", actions / seconds, "actions/s");
        Figure.Print($"cpu_us_per_action{suffix}", end.CpuMicrosecondsPerActionSince(start), "us");
        Figure.Print($"alloc_bytes_per_action{suffix}", actions == 0 ? 0 : (double)(end.Allocated - start.Allocated) / actions, "bytes");
        Figure.Print($"act_latency_ms{suffix}", actions == 0 ? 0 : Stopwatch.GetElapsedTime(0, end.LatencyTicks - start.LatencyTicks).TotalMilliseconds / actions, "ms");
        Figure.Print($"gen0_gcs_per_s{suffix}", (end.Gen0 - start.Gen0) / seconds, "gcs/s");
        Figure.Print($"gc_pause_percent{suffix}", 100 * (end.GcPause - start.GcPause).TotalSeconds / seconds, "%");
        Figure.Print($"stalled_tables{suffix}", stalled, "tables");
        if (postgres is not null)
        {
            var walPerAction = actions == 0 ? 0 : (double)(walEnd - walStart) / actions;
            Figure.Print($"wal_bytes_per_action{suffix}", walPerAction, "bytes");
            Figure.Print($"server_cpu_us_per_action{suffix}", actions == 0 ? 0 : serverCpu.TotalMicroseconds / actions, "us");
            var entries = await PostgresFloor.Scalar<long>(postgres, "SELECT count(*) FROM table_journal WHERE at >= $1", journalStart);
            await SweptWal(play, postgres, walPerAction, actions == 0 ? 0 : (double)entries / actions, suffix);
        }

        if (postgres is null)
        {
            // Tables in play with their players, memory storage's copies and the bots' observers in this process included;
            // only in the first run of the process (a later one's baseline still holds the earlier cluster's garbage).
            Figure.Print($"bytes_per_busy_table{suffix}", (double)(GC.GetTotalMemory(forceFullCollection: true) - play.HeapBeforeTables) / tables, "bytes");
        }

        Figure.Note($"{actions} actions in {seconds:0.0} s on {tables} tables{suffix}, {play.Counter.RejectedCount} rejected, {Environment.ProcessorCount} cores, CPU {(end.Cpu - start.Cpu).TotalSeconds:0.0} s");

        await Task.Delay(TimeSpan.FromSeconds(1));
        var calls = await CallFloor(play.Bots.Select(b => b.Table).ToArray(), TimeSpan.FromSeconds(5));
        Figure.Print($"grain_calls_per_s{suffix}", calls, "calls/s");
        Figure.Note($"grain_calls_per_s: the machine's floor for comparison, a plain request/response call (GetSummary) per table in a loop, nothing persisted");
        return actions / seconds;
    }

    /// <summary>
    /// What the journal's sweep writes for the entries of this run, an hour later in production: the bots stopped, a
    /// checkpoint, then <see cref="NpgsqlTableJournal.SweepAsync"/> of every entry its table no longer needs (kept:
    /// none), and the WAL per entry it deleted. With the window's entries per action, what an action writes in all.
    /// </summary>
    private static async Task SweptWal(TablesAtPlay play, string postgres, double walPerAction, double entriesPerAction, string suffix)
    {
        // The actions in flight when the bots stopped land first.
        await Task.Delay(TimeSpan.FromSeconds(1));
        await PostgresFloor.CheckpointIfAllowed(postgres);
        var before = await PostgresFloor.WalPosition(postgres);
        var deleted = await ((NpgsqlTableJournal)play.SiloService<ITableJournal>()).SweepAsync(TimeSpan.Zero);
        var swept = deleted == 0 ? 0 : (double)(await PostgresFloor.WalPosition(postgres) - before) / deleted;
        Figure.Print($"journal_entries_per_action{suffix}", entriesPerAction, "entries");
        Figure.Print($"wal_bytes_per_swept_entry{suffix}", swept, "bytes");
        Figure.Print($"wal_bytes_per_action_with_sweep{suffix}", walPerAction + (swept * entriesPerAction), "bytes");
        Figure.Note($"the sweep{suffix} deleted {deleted} journal entries after a checkpoint; an action's WAL with its later deletion is wal_bytes_per_action + wal_bytes_per_swept_entry × journal_entries_per_action");
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
}
