using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Poker.Gateway.Relay;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class HandPlayTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Three_signalr_clients_play_a_full_hand()
    {
        var template = await fixture.NewTemplate();
        var players = new[] { await fixture.SignInGuest("Ann"), await fixture.SignInGuest("Bob"), await fixture.SignInGuest("Cid") };
        var table = (await fixture.CreateTable(players[0].AccessToken, template)).Table.TableId;
        var clients = new List<TableClient>();
        for (var i = 0; i < players.Length; i++)
        {
            await fixture.Sit(players[i].AccessToken, table, i);
            var client = await TableClient.Connect(fixture.Server, players[i].AccessToken, players[i].Player.Profile.PlayerId);
            client.OnTurn = TableClient.Passive;
            await client.Watch(table);
            clients.Add(client);
        }

        await fixture.AdvanceUntil(async () => (await fixture.PublicSnapshot(table)).View.HandNo >= 1);
        foreach (var client in clients)
        {
            Assert.True(await client.WaitFor(() => !client.Finished.IsEmpty, TimeSpan.FromSeconds(30)), "handFinished did not arrive");
        }

        foreach (var client in clients)
        {
            Assert.Empty(client.TurnErrors);
            Assert.NotEmpty(client.Turns);
            Assert.Equal(1, client.Finished.First().HandNo);
            AssertInOrderExactlyOnce(client);
            // Only the client's own private view, never another player's.
            Assert.All(client.Events, e => Assert.True(e.Mine is null || e.Mine.PlayerId == client.PlayerId));
            await client.DisposeAsync();
        }
    }

    [Fact]
    public async Task Reconnecting_client_resyncs_from_a_snapshot_and_continues_in_order()
    {
        var template = await fixture.NewTemplate();
        var a = await fixture.SignInGuest("Ray");
        var b = await fixture.SignInGuest("Sue");
        var table = (await fixture.CreateTable(a.AccessToken, template)).Table.TableId;
        await fixture.Sit(a.AccessToken, table, 0);
        var watcher = await TableClient.Connect(fixture.Server, b.AccessToken, b.Player.Profile.PlayerId);
        await watcher.Watch(table);
        Assert.True(await watcher.WaitFor(() => !watcher.Snapshots.IsEmpty));
        var firstSnapshot = watcher.Snapshots.Single();

        await watcher.DisposeAsync();
        await fixture.Sit(b.AccessToken, table, 1);
        var reconnected = await TableClient.Connect(fixture.Server, b.AccessToken, b.Player.Profile.PlayerId);
        await reconnected.Watch(table);
        Assert.True(await reconnected.WaitFor(() => !reconnected.Snapshots.IsEmpty));
        var resync = reconnected.Snapshots.Single();
        var requested = await reconnected.Connection.InvokeAsync<TableSnapshot?>("Snapshot", table);
        Assert.True(await reconnected.WaitFor(() => reconnected.Snapshots.Count == 2));
        await fixture.AdvanceUntil(async () => (await fixture.PublicSnapshot(table)).View.HandNo >= 1);
        Assert.True(await reconnected.WaitFor(() => reconnected.Events.Any(e => e.Kind == TableEventKind.HandStarted)));

        Assert.True(resync.EventSeq > firstSnapshot.EventSeq);
        Assert.Null(requested);
        Assert.Equal(2, reconnected.Snapshots.Count);
        Assert.Equal(b.Player.Profile.PlayerId, resync.View.Seats[1].PlayerId);
        Assert.Equal(resync.EventSeq + 1, reconnected.Events.First().EventSeq);
        AssertInOrderExactlyOnce(reconnected);
        Assert.NotNull(reconnected.Events.Last(e => e.Kind == TableEventKind.HandStarted).Mine);
        await reconnected.DisposeAsync();
    }

    [Fact]
    public async Task Last_viewer_leaving_ends_the_subscription()
    {
        var template = await fixture.NewTemplate();
        var a = await fixture.SignInGuest("Tom");
        var table = (await fixture.CreateTable(a.AccessToken, template)).Table.TableId;
        var relay = fixture.App.Services.GetRequiredService<TableRelay>();
        var before = relay.ActiveTables;
        var client = await TableClient.Connect(fixture.Server, a.AccessToken, a.Player.Profile.PlayerId);
        await client.Watch(table);
        var watching = relay.ActiveTables;

        await client.Connection.InvokeAsync("Unwatch", table);

        Assert.Equal(before + 1, watching);
        Assert.Equal(before, relay.ActiveTables);
        await client.DisposeAsync();
    }

    [Fact]
    public async Task Watching_an_unknown_table_is_a_hub_error()
    {
        var a = await fixture.SignInGuest("Uma");
        await using var client = await TableClient.Connect(fixture.Server, a.AccessToken, a.Player.Profile.PlayerId);

        var error = await Assert.ThrowsAsync<HubException>(() => client.Watch("tnosuchtable"));

        Assert.Contains("not_found", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Every snapshot resets the expected sequence; events then follow one by one with no repeats or gaps.</summary>
    internal static void AssertInOrderExactlyOnce(TableClient client)
    {
        long? expected = null;
        foreach (var message in client.Messages)
        {
            switch (message)
            {
                case TableSnapshot snapshot:
                    Assert.True(expected is null || snapshot.EventSeq >= expected - 1, "a snapshot went back in time");
                    expected = snapshot.EventSeq + 1;
                    break;
                case TableEventMessage e:
                    Assert.Equal(expected, e.EventSeq);
                    expected = e.EventSeq + 1;
                    break;
            }
        }
    }
}
