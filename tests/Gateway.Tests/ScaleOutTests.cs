using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Poker.Gateway.Contracts;
using Orleans.Poker.Gateway.Hubs;
using Orleans.Poker.Gateway.Relay;
using Orleans.Core.Internal;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.ServiceDefaults;

namespace Orleans.Poker.Gateway.Tests;

/// <summary>Two standalone gateways (own cluster clients, Redis backplane) in front of one real silo process.</summary>
public sealed class ScaleOutTests(ScaleOutFixture fixture) : IClassFixture<ScaleOutFixture>
{
    private const int Hands = 2;

    [Fact]
    public async Task Two_gateways_deliver_every_table_event_to_every_client_exactly_once_in_order()
    {
        Assert.All(fixture.Gateways, g => Assert.Contains("Redis", g.Services.GetRequiredService<HubLifetimeManager<TableHub>>().GetType().Name, StringComparison.Ordinal));
        var template = await GatewayFixture.NewTemplate(fixture.Cluster, c => c with
        {
            MinPlayers = 4,
            TurnTime = TimeSpan.FromSeconds(30),
            PauseBetweenHands = TimeSpan.FromMilliseconds(200),
        });

        // Four players and two watchers, alternating between the gateways; everybody watches before the first hand.
        var acted = new ConcurrentBag<(int Gateway, long EventSeq)>();
        var clients = new List<(TableClient Client, AuthResponse Auth, Uri Url)>();
        string? table = null;
        for (var i = 0; i < 6; i++)
        {
            var gateway = i % 2;
            var url = fixture.Urls[gateway];
            var auth = await ScaleOutFixture.SignInGuest(url, $"So{i}");
            table ??= await CreateTable(url, auth.AccessToken, template);
            var client = await TableClient.ConnectUrl(url, auth.AccessToken, auth.Player.Profile.PlayerId);
            client.OnTurn = async (c, turn) =>
            {
                if (turn.HandNo <= Hands)
                {
                    var result = await c.Act(turn, TableClient.PassiveAction(turn));
                    acted.Add((gateway, result.EventSeq));
                }
            };
            await client.Watch(table);
            clients.Add((client, auth, url));
        }

        for (var seat = 0; seat < 4; seat++)
        {
            using var http = ScaleOutFixture.Http(clients[seat].Url, clients[seat].Auth.AccessToken);
            (await http.PostAsJsonAsync($"/api/tables/{table}/sit", new { buyIn = 100, seat })).EnsureSuccessStatusCode();
        }

        foreach (var (client, _, _) in clients)
        {
            Assert.True(await client.WaitFor(() => client.Finished.Count >= Hands, TimeSpan.FromSeconds(45)), $"player {client.PlayerId} saw {client.Finished.Count} finished hands");
        }

        var final = (await fixture.Cluster.GetGrain<ITableGrain>(table!).GetSnapshot(null)).EventSeq;
        foreach (var (client, _, _) in clients)
        {
            Assert.True(await client.WaitFor(() => client.Events.LastOrDefault()?.EventSeq >= final, TimeSpan.FromSeconds(10)), "the last events did not arrive");
            Assert.Empty(client.TurnErrors);
            HandPlayTests.AssertInOrderExactlyOnce(client);
        }

        // Everybody saw the same events from the latest snapshot any of them got on, whichever gateway the actor used.
        var from = clients.Max(c => c.Client.Snapshots.First().EventSeq) + 1;
        var expected = Events(clients[0].Client, from, final);
        Assert.Equal(final - from + 1, expected.Count);
        Assert.All(clients, c => Assert.Equal(expected, Events(c.Client, from, final)));
        Assert.Contains(acted, a => a.Gateway == 0);
        Assert.Contains(acted, a => a.Gateway == 1);
        // Each accepted action's event is among them as an action, through whichever gateway it was sent.
        Assert.All(acted.Where(a => a.EventSeq >= from && a.EventSeq <= final), a => Assert.Contains((a.EventSeq, TableEventKind.Action), expected.Select(e => (e.Seq, e.Kind))));
        foreach (var (client, _, _) in clients)
        {
            await client.DisposeAsync();
        }
    }

    [Fact]
    public async Task After_a_cluster_gateway_connection_closed_a_gateway_catches_its_viewers_up_with_a_table_that_went_on_without_it()
    {
        var url = fixture.Urls[0];
        var template = await GatewayFixture.NewTemplate(fixture.Cluster);
        var ann = await ScaleOutFixture.SignInGuest(url, "Missed0");
        var bob = await ScaleOutFixture.SignInGuest(url, "Missed1");
        var table = await CreateTable(url, ann.AccessToken, template);
        await using var client = await TableClient.ConnectUrl(url, ann.AccessToken, ann.Player.Profile.PlayerId);
        await client.Watch(table);
        Assert.True(await client.WaitFor(() => !client.Snapshots.IsEmpty), "no snapshot on watching");
        var start = client.Snapshots.Last().EventSeq;

        // The table is reactivated without its observers (as when its silo left without handing it over) and goes on.
        await fixture.Cluster.GetGrain<ITableGrain>(table).Cast<IGrainManagementExtension>().DeactivateOnIdle();
        using (var http = ScaleOutFixture.Http(url, bob.AccessToken))
        {
            (await http.PostAsJsonAsync($"/api/tables/{table}/sit", new { buyIn = 100, seat = 2 })).EnsureSuccessStatusCode();
        }

        var current = (await fixture.Cluster.GetGrain<ITableGrain>(table).GetSnapshot(null)).EventSeq;
        Assert.True(current > start, $"the table did not move on ({start} → {current})");
        await Task.Delay(500);
        Assert.Empty(client.Events);

        // The gateway's cluster client loses a gateway connection and opens another one.
        var connection = fixture.Gateways[0].Services.GetRequiredService<ClusterConnectionWatch>();
        connection.NotifyGatewayCountChanged(0, 1, connectionRecovered: false);
        connection.NotifyGatewayCountChanged(1, 0, connectionRecovered: true);
        Assert.True(await client.WaitFor(() => client.Snapshots.Any(s => s.EventSeq == current), TimeSpan.FromSeconds(10)), "the viewer was not caught up");
        Assert.Contains(client.Snapshots.Last().View.Seats, s => s.PlayerId == bob.Player.Profile.PlayerId);
    }

    [Fact]
    public async Task Refresh_token_reuse_on_one_gateway_revokes_the_family_on_the_other()
    {
        var (first, second) = (fixture.Urls[0], fixture.Urls[1]);
        var a = await ScaleOutFixture.SignInGuest(first, "Rotating");
        using var one = ScaleOutFixture.Http(first);
        using var two = ScaleOutFixture.Http(second);
        var b = await AuthTests.Rotate(one, a.RefreshToken);
        var c = await AuthTests.Rotate(two, b.RefreshToken);

        Assert.Equal(HttpStatusCode.Unauthorized, (await two.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = a.RefreshToken })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await one.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = c.RefreshToken })).StatusCode);
    }

    private static List<(long Seq, TableEventKind Kind, string Description)> Events(TableClient client, long from, long to) =>
        [.. client.Events.Where(e => e.EventSeq >= from && e.EventSeq <= to).Select(e => (e.EventSeq, e.Kind, e.Description))];

    [Fact]
    public async Task A_chat_line_posted_through_one_gateway_reaches_the_watchers_of_both_once()
    {
        var template = await GatewayFixture.NewTemplate(fixture.Cluster);
        var poster = await ScaleOutFixture.SignInGuest(fixture.Urls[0], "Talker");
        var table = await CreateTable(fixture.Urls[0], poster.AccessToken, template);
        using var http = ScaleOutFixture.Http(fixture.Urls[0], poster.AccessToken);
        (await http.PostAsJsonAsync($"/api/tables/{table}/sit", new { buyIn = 100, seat = 0 })).EnsureSuccessStatusCode();
        var watchers = new List<TableClient>();
        foreach (var url in fixture.Urls)
        {
            var auth = await ScaleOutFixture.SignInGuest(url, "Listener");
            var watcher = await TableClient.ConnectUrl(url, auth.AccessToken, auth.Player.Profile.PlayerId);
            await watcher.Watch(table);
            watchers.Add(watcher);
        }

        (await http.PostAsJsonAsync($"/api/tables/{table}/chat", new { text = "hello both" })).EnsureSuccessStatusCode();

        foreach (var watcher in watchers)
        {
            Assert.True(await watcher.WaitFor(() => !watcher.Chats.IsEmpty), $"watcher {watcher.PlayerId} got no chat line");
            Assert.Equal([(table, "hello both")], watcher.Chats.Select(c => (c.TableId, c.Message.Text)));
            await watcher.DisposeAsync();
        }
    }

    private static async Task<string> CreateTable(Uri url, string token, string template)
    {
        using var http = ScaleOutFixture.Http(url, token);
        var response = await http.PostAsJsonAsync("/api/tables", new { templateId = template });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TableCreatedResponse>(GatewayFixture.Json))!.Table.TableId;
    }

    [Fact]
    public async Task A_ban_closes_the_players_hub_connection_on_another_gateway_before_any_call_and_refuses_their_token_on_every_gateway()
    {
        var auth = await ScaleOutFixture.SignInGuest(fixture.Urls[1], "Banned");
        var playerId = auth.Player.Profile.PlayerId;
        await using var client = await TableClient.ConnectUrl(fixture.Urls[1], auth.AccessToken, playerId);
        var closed = new TaskCompletionSource();
        client.Connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };

        // As gateway 0's ban route (or the bot) does: the ban is stored in the player grain, which tells every gateway.
        await fixture.Cluster.GetGrain<Grains.Interfaces.Players.IPlayerGrain>(playerId).Ban(1, "scale-out ban");

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAnyAsync<Exception>(() => Microsoft.AspNetCore.SignalR.Client.HubConnectionExtensions.InvokeAsync(client.Connection, "Unwatch", "no-such-table"));
        foreach (var url in fixture.Urls)
        {
            using var http = ScaleOutFixture.Http(url, auth.AccessToken);
            await Problems.AssertProblem(await http.GetAsync("/api/players/me"), HttpStatusCode.Forbidden, "banned");
        }
    }
}
