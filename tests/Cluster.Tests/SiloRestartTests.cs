using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Cluster.Tests;

/// <summary>One real silo on PostgreSQL and Redis, killed in the middle of a hand and started again.</summary>
[Collection(SilosCollection.Name)]
public sealed class SiloRestartTests
{
    private static readonly TimeSpan Failover = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Hand_in_progress_survives_a_killed_silo_and_plays_on()
    {
        // Arrange: a hand on the flop at a three-handed table.
        await using var database = await TestDatabase.CreateMigratedAsync();
        var settings = SiloSettings.Fresh(database.ConnectionString);
        TableFacts before;
        DateTimeOffset? clockBefore;
        string tableId;
        long[] players;
        long issued;
        (int, int, int) ports;
        using (var first = await SiloProcess.StartAsync(settings, "first"))
        {
            ports = (first.SiloPort, first.GatewayPort, first.HttpPort);
            await using var client = await PokerClient.ConnectAsync(settings);
            var driver = new TableDriver(client.Grains);
            var table = await driver.NewTable(await driver.NewTemplate(minPlayers: 3));
            tableId = table.GetPrimaryKeyString();
            (players, issued) = await driver.Seat(table, 3);
            await driver.PlayIntoFlop(table);
            before = await TableDriver.Facts(table, players);
            clockBefore = (await table.GetSnapshot(null)).View.Deadline;

            // Act: SIGKILL, no graceful shutdown.
            first.Kill();
        }

        using var second = await SiloProcess.StartAsync(settings, "second", ports);
        await using var reconnected = await PokerClient.ConnectAsync(settings);
        var again = reconnected.Grains.GetGrain<ITableGrain>(tableId);
        var after = await PokerClient.RetryAsync(() => TableDriver.Facts(again, players), Failover);

        // Assert: the same hand at the same point with a whole turn clock (the table was away, not the player), then
        // it plays to its end and no chip was made or lost.
        Assert.True((await again.GetSnapshot(null)).View.Deadline > clockBefore);
        Assert.Equal(1, before.HandNo);
        Assert.NotNull(before.ActorSeat);
        Assert.Equal(3, before.Board.Split(' ').Length);
        Assert.Equal(before, after);
        var driverAfter = new TableDriver(reconnected.Grains);
        await again.Close("test over");
        Assert.True(await driverAfter.PlayToEnd(again, before.HandNo) > 0);
        var end = await again.GetSnapshot(null);
        Assert.Equal(TableStatus.Ended, end.View.Status);
        Assert.Equal(issued, await driverAfter.Balances(players));
    }
}
