using Microsoft.Extensions.DependencyInjection;
using System.Net.Sockets;
using Npgsql;
using OpenTelemetry.Metrics;
using Orleans.Poker.ServiceDefaults.Operations;
using Orleans.Poker.ServiceDefaults.Telemetry;

namespace Orleans.Poker.Grains.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/Grains.Benchmarks -- [--quick] [--only idle|memory|postgres] [--tables N] [--warmup S] [--profile] [--telemetry on|off|compare] [--analytics compare]</c>:
/// actions per second through grain calls (memory storage, then PostgreSQL when reachable) and memory per idle
/// table, one figure per line (<c>name value unit</c>); lines starting with # are notes. With telemetry on (the
/// default, as in production; <c>POKER__Telemetry__Enabled=false</c> or <c>--telemetry off</c> turns it off) an
/// OpenTelemetry meter provider listens to the meters every silo serves and collects them every 15 s, as a scrape does;
/// with the operations page's listener on the same instruments, as in production; <c>--telemetry compare</c> measures
/// their cost as a ratio in one process (<see cref="SideBySideRun"/>), and <c>--analytics compare</c> the analytics
/// collector's on PostgreSQL.
/// </summary>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        var quick = args.Contains("--quick");
        var only = Option(args, "--only");
        var tables = WholeOption(args, "--tables", 1_000);
        var window = TimeSpan.FromSeconds(quick ? 10 : 30);

        // Long enough for tiered compilation to reach the hot paths: with 3 s, runs differed by a third.
        var warmUp = TimeSpan.FromSeconds(WholeOption(args, "--warmup", 10));
        using var sampler = args.Contains("--profile") ? new AllocationSampler() : null;
        var flag = Option(args, "--telemetry");
        if (flag == "compare")
        {
            Figure.Note($"Grains benchmark, telemetry off and on alternating in one process, {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}");
            await using var play = await TablesAtPlay.StartAsync(postgres: null, tables, suffix: "");
            await SideBySideRun.Run(play, "telemetry", warmUp, TimeSpan.FromSeconds(quick ? 5 : 10), pairs: quick ? 4 : 10, Listen);
            return 0;
        }

        if (Option(args, "--analytics") == "compare")
        {
            Figure.Note($"Grains benchmark on PostgreSQL, analytics off and on alternating in one process, {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}");
            await RunAnalyticsCompare(Math.Min(tables, 100), warmUp, TimeSpan.FromSeconds(quick ? 10 : 30), pairs: quick ? 4 : 6);
            return 0;
        }

        var telemetry = flag is not null
            ? flag != "off"
            : !string.Equals(Environment.GetEnvironmentVariable("POKER__Telemetry__Enabled"), "false", StringComparison.OrdinalIgnoreCase);
        using var meters = telemetry ? Listen() : null;
        Figure.Note($"Grains benchmark ({(quick ? "quick" : "full")}), {Environment.ProcessorCount} cores, server GC {System.Runtime.GCSettings.IsServerGC}, telemetry {(telemetry ? "on" : "off")}");

        if (only is null or "idle")
        {
            // --tables sets the idle count too (the capacity model's figure: --only idle --tables 100000).
            await IdleMemoryRun.Run(tables: Option(args, "--tables") is not null ? tables : quick ? 1_000 : 10_000);
        }

        if (only is null or "memory")
        {
            await ThroughputRun.Run(postgres: null, tables, warmUp, window, suffix: "");
        }

        if (only is null or "postgres")
        {
            await RunPostgres(tables, quick, warmUp, window);
        }

        sampler?.Print(25);
        return 0;
    }

    /// <summary>
    /// Production mode: 100 tables (and <paramref name="tables"/> more in a full run) on PostgreSQL with the WAL each action
    /// wrote, then the server's own commit capacity, pgbench at the silo pool's client count, and the ratio of the two.
    /// </summary>
    private static Task RunPostgres(int tables, bool quick, TimeSpan warmUp, TimeSpan window) =>
        OnPostgres("actions_per_s_postgres", async connection =>
        {
            var perSecond = await ThroughputRun.Run(connection, 100, warmUp, window, suffix: "_postgres");
            await ActivationRun.Run(connection, tables: quick ? 5 : 20, actions: 300, suffix: "_postgres");
            if (!quick && tables != 100)
            {
                await ThroughputRun.Run(connection, tables, warmUp, window, suffix: $"_postgres_{tables}");
            }

            if (await PostgresFloor.CommitsPerSecond(connection, PoolSize, window) is { } commits)
            {
                Figure.Print("pgbench_tps", commits, "transactions/s");
                Figure.Print("postgres_actions_vs_pgbench", perSecond / commits, "ratio");
                Figure.Note($"pgbench: {PoolSize} clients (the silo's pool bound), one-row insert per transaction, prepared, {window.TotalSeconds:0} s on the same server; the ratio is actions_per_s_postgres (100 tables) over it");
            }
        });

    /// <summary>
    /// The analytics collector's cost: the same tables on PostgreSQL, windows without and with the collector ticking
    /// every second (<see cref="AnalyticsTicker"/>) and snapshots at the shortest interval allowed (one minute).
    /// </summary>
    private static Task RunAnalyticsCompare(int tables, TimeSpan warmUp, TimeSpan window, int pairs) =>
        OnPostgres("analytics_actions_ratio", async connection =>
        {
            await using var play = await TablesAtPlay.StartAsync(connection, tables, suffix: "_postgres",
                silo => silo.Services.Configure<Analytics.AnalyticsOptions>(o => o.SnapshotInterval = TimeSpan.FromMinutes(1)));
            var ticks = 0;
            await SideBySideRun.Run(play, "analytics", warmUp, window, pairs, () => new Counted(new AnalyticsTicker(play.Grains), t => ticks += t.Ticks));
            var snapshots = await play.Grains.GetGrain<Interfaces.Analytics.IAnalyticsGrain>(Interfaces.Analytics.IAnalyticsGrain.Key)
                .Snapshots(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow, null);
            Figure.Note($"the collector ticked {ticks} times in the analytics-on windows and wrote {snapshots.Select(s => s.TakenAt).Distinct().Count()} snapshot batches ({snapshots.Count} rows)");
        });

    /// <summary>The silo's connection pool bound here: the server's connection limit is shared with everything else on the machine.</summary>
    private const int PoolSize = 20;

    /// <summary>Runs <paramref name="run"/> on a fresh migrated database, or says why it cannot.</summary>
    private static async Task OnPostgres(string figure, Func<string, Task> run)
    {
        TestDatabase? database = null;
        try
        {
            database = await TestDatabase.CreateMigratedAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException)
        {
            Figure.Note($"{figure} skipped: PostgreSQL unreachable ({ex.Message}); set {TestDatabase.Variable}");
            return;
        }

        await using (database)
        {
            var connection = new NpgsqlConnectionStringBuilder(database.ConnectionString) { MaxPoolSize = PoolSize }.ConnectionString;
            try
            {
                await run(connection);
            }
            catch (Exception ex)
            {
                Figure.Note($"{figure} failed: {ex.GetType().Name}: {ex.Message}");
            }
        }
    }

    /// <summary>Reports the ticker's count when the side ends.</summary>
    private sealed class Counted(AnalyticsTicker ticker, Action<AnalyticsTicker> report) : IDisposable
    {
        public void Dispose()
        {
            ticker.Dispose();
            report(ticker);
        }
    }

    /// <summary>
    /// What a production silo listens with: a meter provider on every meter it serves, collected every 15 s as a scrape
    /// would, and the operations page's listener on the same instruments.
    /// </summary>
    private static IDisposable Listen() => new Listeners(
        OpenTelemetry.Sdk.CreateMeterProviderBuilder()
            .AddPokerMeters()
            .AddReader(new PeriodicExportingMetricReader(new DiscardingMetricExporter(), exportIntervalMilliseconds: 15_000))
            .Build(),
        new OperationsListener(new OperationsSummary(DateTimeOffset.UtcNow)));

    private sealed class Listeners(MeterProvider meters, OperationsListener operations) : IDisposable
    {
        public void Dispose()
        {
            operations.Dispose();
            meters.Dispose();
        }
    }

    private static string? Option(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    private static int WholeOption(string[] args, string name, int otherwise) =>
        Option(args, name) is { } value ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : otherwise;
}
