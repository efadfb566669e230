using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.ServiceDefaults.Configuration;

namespace Orleans.Poker.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class ScaleOutTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Two_gateways_on_the_redis_backplane_deliver_every_event_exactly_once_in_order()
    {
        var redis = Environment.GetEnvironmentVariable("POKER_TEST_REDIS") is { Length: > 0 } configured ? configured : "127.0.0.1:6379";
        var options = new PokerOptions
        {
            Cluster = new ClusterSettings { Redis = redis },
            Auth = fixture.Options.Auth,
            Gateway = fixture.Options.Gateway,
        };
        // Both gateways sign tokens with one shared key, as in production.
        options.Auth = new AuthSettings { BotToken = GatewayFixture.BotToken, JwtKey = new string('k', 48), GuestSignIn = true };
        await using var first = await GatewayFixture.StartGateway(fixture.Cluster.Client, options);
        await using var second = await GatewayFixture.StartGateway(fixture.Cluster.Client, options);
        var servers = new[] { first.GetTestServer(), second.GetTestServer() };
        var template = await fixture.NewTemplate();
        var players = new List<Contracts.AuthResponse>();
        var clients = new List<TableClient>();
        string? table = null;
        for (var i = 0; i < 4; i++)
        {
            var server = servers[i % 2];
            var auth = await SignIn(server, $"Gw{i}");
            players.Add(auth);
            table ??= await CreateTable(server, auth.AccessToken, template);
            using var http = Http(server, auth.AccessToken);
            (await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(http, $"/api/tables/{table}/sit", new { buyIn = 100, seat = i })).EnsureSuccessStatusCode();
            var client = await TableClient.Connect(server, auth.AccessToken, auth.Player.Profile.PlayerId);
            client.OnTurn = TableClient.Passive;
            await client.Watch(table);
            clients.Add(client);
        }

        await fixture.AdvanceUntil(async () => (await fixture.PublicSnapshot(table!)).View.HandNo >= 1);
        foreach (var client in clients)
        {
            Assert.True(await client.WaitFor(() => !client.Finished.IsEmpty, TimeSpan.FromSeconds(30)), "handFinished did not arrive");
        }

        var final = (await fixture.PublicSnapshot(table!)).EventSeq;
        foreach (var client in clients)
        {
            Assert.True(await client.WaitFor(() => client.Events.LastOrDefault()?.EventSeq >= final, TimeSpan.FromSeconds(10)));
            HandPlayTests.AssertInOrderExactlyOnce(client);
            Assert.Equal(client.Events.Count, client.Events.Select(e => e.EventSeq).Distinct().Count());
            Assert.Single(client.Finished);
            Assert.Contains(client.Events, e => e.Kind == TableEventKind.HandFinished || e.Result is not null);
            await client.DisposeAsync();
        }

        // Actions were sent through both gateways, and every client saw all of them.
        var actions = clients[0].Events.Count(e => e.Kind == TableEventKind.Action);
        Assert.All(clients, c => Assert.Equal(actions, c.Events.Count(e => e.Kind == TableEventKind.Action)));
    }

    private static HttpClient Http(TestServer server, string? token = null)
    {
        var http = server.CreateClient();
        if (token is not null)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return http;
    }

    private static async Task<Contracts.AuthResponse> SignIn(TestServer server, string name)
    {
        using var http = Http(server);
        var response = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(http, "/api/auth/guest", new { name });
        response.EnsureSuccessStatusCode();
        return (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<Contracts.AuthResponse>(response.Content, GatewayFixture.Json))!;
    }

    private static async Task<string> CreateTable(TestServer server, string token, string template)
    {
        using var http = Http(server, token);
        var response = await System.Net.Http.Json.HttpClientJsonExtensions.PostAsJsonAsync(http, "/api/tables", new { templateId = template });
        response.EnsureSuccessStatusCode();
        return (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<Contracts.TableCreatedResponse>(response.Content, GatewayFixture.Json))!.Table.TableId;
    }
}
