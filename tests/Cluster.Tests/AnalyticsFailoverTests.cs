using System.Diagnostics;
using Orleans.Runtime;
using Xunit.Abstractions;

namespace Orleans.Poker.Cluster.Tests;

/// <summary>The analytics collector (one grain in the cluster, on a reminder) keeps taking snapshots after its silo is killed.</summary>
public sealed class AnalyticsFailoverTests(ITestOutputHelper output)
{
    private static readonly Dictionary<string, string> EveryMinute = new() { ["POKER__Analytics__SnapshotInterval"] = "00:01:00" };

    [Fact]
    public async Task The_collector_takes_snapshots_again_on_the_survivor_after_its_silo_is_killed()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var settings = SiloSettings.Fresh(database.ConnectionString);
        using var siloA = await SiloProcess.StartAsync(settings, "A", environment: EveryMinute);
        using var siloB = await SiloProcess.StartAsync(settings, "B", environment: EveryMinute);
        await using var client = await PokerClient.ConnectAsync(settings);
        var driver = new TableDriver(client.Grains);
        await driver.NewTable(await driver.NewTemplate(minPlayers: 2));

        // The first snapshot comes with the reminder's first tick, a minute after the silos started.
        await Until(async () => await Batches(database) > 0, TimeSpan.FromMinutes(3), "first snapshot");
        var host = await HostOfCollector(client.Client);
        var victim = host.Endpoint.Port == siloA.SiloPort ? siloA : siloB;
        victim.Kill();
        var watch = Stopwatch.StartNew();
        var before = await Batches(database);

        await Until(async () => await Batches(database) > before, TimeSpan.FromMinutes(4), "snapshot after the kill");
        var survivor = victim == siloA ? siloB : siloA;
        var newHost = await PokerClient.RetryAsync(() => HostOfCollector(client.Client), TimeSpan.FromSeconds(30));

        Assert.Equal(survivor.SiloPort, newHost.Endpoint.Port);
        output.WriteLine($"the collector ran on silo {victim.Name} (killed); the survivor {survivor.Name} took the next snapshot {watch.Elapsed.TotalSeconds:0} s later");
    }

    /// <summary>Snapshot batches written so far (one per tick that took one; every row of a batch has its time).</summary>
    private static Task<long> Batches(TestDatabase database) =>
        database.ScalarAsync<long>("SELECT count(DISTINCT taken_at) FROM analytics_snapshots");

    private static async Task<SiloAddress> HostOfCollector(IClusterClient client)
    {
        var statistics = await client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return statistics.Single(s => s.GrainType.Contains("AnalyticsGrain", StringComparison.Ordinal)).SiloAddress;
    }

    /// <summary>
    /// Waits until <paramref name="condition"/> holds: the silos write the snapshots on their reminder's tick, in other
    /// processes, which announce nothing here (calls retried while the cluster does not answer).
    /// </summary>
    private static Task Until(Func<Task<bool>> condition, TimeSpan limit, string what) =>
        BoundedWait.Until(() => PokerClient.RetryAsync(condition, TimeSpan.FromSeconds(30)), what, limit, TimeSpan.FromSeconds(2));
}
