using Orleans.Poker.Grains.Interfaces.Tables;
using Xunit.Abstractions;

namespace Orleans.Poker.Cluster.Tests;

/// <summary>Two real silos in one cluster on Redis; the one hosting the most tables is killed.</summary>
[Collection(SilosCollection.Name)]
public sealed class TwoSiloFailoverTests(ITestOutputHelper output)
{
    private const int Tables = 10;
    private static readonly TimeSpan Failover = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Tables_of_a_killed_silo_reactivate_on_the_other_with_their_hands_intact()
    {
        // Arrange: ten tables with a hand on the flop, spread over two silos.
        await using var database = await TestDatabase.CreateMigratedAsync();
        var settings = SiloSettings.Fresh(database.ConnectionString);
        using var siloA = await SiloProcess.StartAsync(settings, "A");
        using var siloB = await SiloProcess.StartAsync(settings, "B");
        await using var client = await PokerClient.ConnectAsync(settings);
        var driver = new TableDriver(client.Grains);
        var templateId = await driver.NewTemplate(minPlayers: 3);
        var tables = new List<(ITableGrain Table, long[] Players, TableFacts Before)>();
        long issued = 0;
        for (var i = 0; i < Tables; i++)
        {
            var table = await driver.NewTable(templateId);
            var (players, chips) = await driver.Seat(table, 3);
            issued += chips;
            await driver.PlayIntoFlop(table);
            tables.Add((table, players, await TableDriver.Facts(table, players)));
        }

        var hosts = await TableHosts.Of(client.Client, tables.Select(t => t.Table.GetPrimaryKeyString()).ToHashSet());
        var onA = hosts.Count(h => h.Value.Endpoint.Port == siloA.SiloPort);
        var victim = onA >= Tables - onA ? siloA : siloB;
        var moved = hosts.Count(h => h.Value.Endpoint.Port == victim.SiloPort);

        // Act: SIGKILL the silo hosting the most tables.
        victim.Kill();
        var killedAt = System.Diagnostics.Stopwatch.StartNew();

        // Assert: every table answers from the survivor with its state as it was, and its hand plays on.
        Assert.Equal(Tables, hosts.Count);
        Assert.True(moved >= 1);
        foreach (var (table, players, before) in tables)
        {
            var after = await PokerClient.RetryAsync(() => TableDriver.Facts(table, players), Failover);
            Assert.Equal(before, after);
        }

        output.WriteLine($"{moved} of {Tables} tables were on the killed silo {victim.Name}; all answered again after {killedAt.Elapsed.TotalSeconds:0.0} s");

        foreach (var (table, _, before) in tables)
        {
            await table.Close("test over");
            Assert.True(await driver.PlayToEnd(table, before.HandNo) > 0);
            Assert.Equal(TableStatus.Ended, (await table.GetSnapshot(null)).View.Status);
        }

        Assert.Equal(issued, await driver.Balances(tables.SelectMany(t => t.Players)));
    }
}
