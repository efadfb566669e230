using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Orleans.Poker.Grains.Interfaces.Tables;
using Xunit.Abstractions;

namespace Orleans.Poker.Cluster.Tests;

/// <summary>
/// A silo killed while a hundred tables play as fast as they can: every action a table acknowledged before the kill is
/// in what it stored — its state, or the hand history of a hand that ended — once it reactivates on the other silo.
/// </summary>
[Collection(SilosCollection.Name)]
public sealed partial class BurstKillTests(ITestOutputHelper output)
{
    private const int Tables = 100;

    /// <summary>Acknowledged actions per table, on average, before the kill.</summary>
    private const int Burst = 10;
    private static readonly TimeSpan Failover = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Every_action_acknowledged_before_a_silo_is_killed_mid_burst_is_stored()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var settings = SiloSettings.Fresh(database.ConnectionString);
        using var siloA = await SiloProcess.StartAsync(settings, "A");
        using var siloB = await SiloProcess.StartAsync(settings, "B");
        await using var client = await PokerClient.ConnectAsync(settings);
        var driver = new TableDriver(client.Grains);
        var phase = Stopwatch.StartNew();
        var templateId = await driver.NewTemplate(minPlayers: 2);
        var tables = await Task.WhenAll(Enumerable.Range(0, Tables).Select(async _ =>
        {
            var table = await driver.NewTable(templateId);
            await driver.Seat(table, 2);
            return table;
        }));

        var setUp = phase.Elapsed;

        // Every table acts as fast as it is answered; each acknowledgement is kept with the version it reported.
        var acknowledged = new ConcurrentDictionary<ITableGrain, ConcurrentQueue<(TurnRef Turn, long Version)>>();
        using var stop = new CancellationTokenSource();
        var burst = tables.Select(table => Task.Run(async () =>
        {
            var acks = acknowledged.GetOrAdd(table, _ => new ConcurrentQueue<(TurnRef, long)>());
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    var turn = await driver.PassiveTurn(table);
                    var result = await turn.Act();
                    acks.Enqueue((turn.Turn, result.TableVersion));
                }
            }
            catch (Exception ex) when (ex is not Xunit.Sdk.XunitException)
            {
                // The table's silo died under the call (or the turn passed to a timer): the burst ends here for it.
            }
        })).ToArray();

        await BoundedWait.Until(() => Task.FromResult(acknowledged.Values.Sum(q => q.Count) >= Burst * Tables), "a burst of actions", TimeSpan.FromMinutes(2), TimeSpan.FromMilliseconds(50));
        var hosts = await TableHosts.Of(client.Client, tables.Select(t => t.GetPrimaryKeyString()).ToHashSet());
        var victim = hosts.Count(h => h.Value.Endpoint.Port == siloA.SiloPort) >= Tables / 2 ? siloA : siloB;
        var bursting = phase.Elapsed - setUp;
        victim.Kill();
        var killedAt = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(1));
        await stop.CancelAsync();
        await Task.WhenAll(burst);

        var moved = hosts.Count(h => h.Value.Endpoint.Port == victim.SiloPort);
        var checkedActions = 0;
        foreach (var table in tables)
        {
            var acks = acknowledged[table].ToArray();
            var snapshot = await PokerClient.RetryAsync(() => table.GetSnapshot(null), Failover);
            if (acks.Length == 0)
            {
                continue;
            }

            // The state holds at least what the last acknowledgement reported.
            Assert.True(snapshot.TableVersion >= acks.Max(a => a.Version), $"{table.GetPrimaryKeyString()}: version {snapshot.TableVersion} < acknowledged {acks.Max(a => a.Version)}");
            foreach (var hand in acks.GroupBy(a => a.Turn.HandNo))
            {
                var current = hand.Key == snapshot.View.HandNo;
                if (current)
                {
                    // The hand in play: every acknowledged turn of it is behind the table's turn now.
                    Assert.True(snapshot.View.TurnId > hand.Max(a => a.Turn.TurnId) || snapshot.View.ActorSeat is null);
                }
                else
                {
                    // An ended hand: its stored history holds at least the acknowledged checks and calls.
                    var history = await BoundedWait.Until(() => PokerClient.RetryAsync(() => table.GetHandHistory(hand.Key), Failover), h => h is not null,
                        $"hand {hand.Key} of {table.GetPrimaryKeyString()} stored", TimeSpan.FromSeconds(30));
                    Assert.True(PassiveAction().Count(history!) >= hand.Count(), $"{table.GetPrimaryKeyString()} hand {hand.Key}: {PassiveAction().Count(history!)} checks/calls stored, {hand.Count()} acknowledged");
                }

                checkedActions += hand.Count();
            }
        }

        Assert.True(moved > 0);
        Assert.True(checkedActions >= Burst * Tables);
        output.WriteLine($"{checkedActions} acknowledged actions on {Tables} tables, {moved} of them on the killed silo {victim.Name}; all stored, checked {killedAt.Elapsed.TotalSeconds:0.0} s after the kill (set-up {setUp.TotalSeconds:0.0} s, burst {bursting.TotalSeconds:0.0} s)");
    }

    /// <summary>A check or call in a PHH action list (<c>"p1 cc"</c>).</summary>
    [GeneratedRegex("\"p\\d+ cc")]
    private static partial Regex PassiveAction();
}
