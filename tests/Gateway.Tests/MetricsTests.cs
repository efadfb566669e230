using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR;
using Orleans.Poker.Gateway.Contracts;
using Orleans.Poker.Grains.Interfaces.Operations;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;

namespace Orleans.Poker.Gateway.Tests;

/// <summary>
/// <c>/metrics</c> of a real silo that co-hosts the gateway: hands played over SignalR move the game's and the relay's
/// figures by exactly what was done, and the figures answer on the management port and to admins only.
/// </summary>
public sealed partial class MetricsTests(MetricsSiloFixture fixture) : IClassFixture<MetricsSiloFixture>
{
    [Fact]
    public async Task A_hand_played_through_the_gateway_moves_the_game_and_relay_metrics_by_what_was_done()
    {
        var admin = await fixture.SignIn(GatewayFixture.AdminTelegramId, "Admin");
        var before = await fixture.ScrapeManagement();
        var tableId = await NewTable(admin.AccessToken);
        var a = await fixture.SignIn(GatewayFixture.NewTelegramId(), "Ann");
        var b = await fixture.SignIn(GatewayFixture.NewTelegramId(), "Bob");
        await using var clientA = await TableClient.ConnectUrl(fixture.Public, a.AccessToken, a.Player.Profile.PlayerId);
        await using var clientB = await TableClient.ConnectUrl(fixture.Public, b.AccessToken, b.Player.Profile.PlayerId);
        await clientA.Watch(tableId);
        await clientB.Watch(tableId);
        await Sit(a.AccessToken, tableId, 0);
        await Sit(b.AccessToken, tableId, 1);

        // The first to act pre-flop faces the big blind: a Check is refused (cannot_check), then everyone plays passively.
        TableClient[] clients = [clientA, clientB];
        Assert.True(await clientA.WaitFor(() => clients.Any(c => !c.Turns.IsEmpty), TimeSpan.FromSeconds(60)), fixture.RecentOutput);
        var first = clients.First(c => !c.Turns.IsEmpty);
        Assert.True(first.Turns.TryPeek(out var turn));
        Assert.False(turn!.Legal.CanCheck);
        var refusal = await Assert.ThrowsAsync<HubException>(() => first.Act(turn, ActionKind.Check));
        Assert.Contains("cannot_check", refusal.Message, StringComparison.Ordinal);

        var acted = 0;
        foreach (var client in clients)
        {
            client.OnTurn = async (c, t) =>
            {
                if (t.HandNo == turn.HandNo)
                {
                    await TableClient.Passive(c, t);
                    Interlocked.Increment(ref acted);
                }
            };
        }

        await TableClient.Passive(first, turn);
        Interlocked.Increment(ref acted);
        Assert.True(await clientA.WaitFor(() => !clientA.Finished.IsEmpty && !clientB.Finished.IsEmpty, TimeSpan.FromSeconds(60)), fixture.RecentOutput);
        Assert.Empty(clientA.TurnErrors.Concat(clientB.TurnErrors));

        // A second connection of Ann watching the same table is a reconnect; it leaves again.
        await using (var again = await TableClient.ConnectUrl(fixture.Public, a.AccessToken, a.Player.Profile.PlayerId))
        {
            await again.Watch(tableId);
        }

        // The last answers and the closed connection's end reach the server after the hand's events.
        var after = await ScrapeUntil(m =>
            Delta(m, before, "poker_table_actions_accepted_total") == Volatile.Read(ref acted)
            && m.Sum("poker_gateway_connections", ("hub", "table")) == 2);

        Assert.Equal(Volatile.Read(ref acted), Delta(after, before, "poker_table_actions_accepted_total"));
        Assert.Equal(1, Delta(after, before, "poker_table_actions_refused_total", ("reason", "cannot_check")));
        Assert.Equal(1, Delta(after, before, "poker_table_actions_refused_total"));
        Assert.Equal(1, Delta(after, before, "poker_hands_finished_total", ("variant", "NT")));
        Assert.True(Delta(after, before, "poker_hands_started_total", ("variant", "NT")) >= 1);
        Assert.True(Delta(after, before, "poker_table_action_duration_seconds_count") >= acted + 1);
        Assert.Equal(2, after.Sum("poker_gateway_connections", ("hub", "table")));
        Assert.Equal(1, Delta(after, before, "poker_gateway_reconnects_total"));
        Assert.True(Delta(after, before, "poker_gateway_messages_delivered_total", ("method", "event")) > 0);
        Assert.True(Delta(after, before, "poker_gateway_messages_delivered_total", ("method", "yourTurn")) >= acted, "every action answered a yourTurn");
        Assert.True(Delta(after, before, "poker_gateway_messages_delivered_total", ("method", "handFinished")) >= 2);
        Assert.True(Delta(after, before, "poker_gateway_delivery_duration_seconds_count") > 0);
        Assert.True(Delta(after, before, "poker_gateway_send_backlog_count") > 0);
        Assert.Equal(2, after.Sum("poker_players_seated", ("kind", "human")));
        Assert.True(after.Sum("poker_tables") >= 1);
        Assert.True(after.Has("orleans_catalog_activations"), "Orleans' own meter is exported");
        Assert.True(after.Has("dotnet_gc_collections_total"), "the runtime's meter is exported");
        Assert.True(after.Has("http_server_request_duration_seconds_count"), "ASP.NET Core's meter is exported");

        // The same figures, scraped as an admin through the public port.
        var asAdmin = await fixture.ScrapePublic(admin.AccessToken);
        Assert.Equal(after.Sum("poker_table_actions_accepted_total"), asAdmin.Sum("poker_table_actions_accepted_total"));
        Assert.Equal(after.Sum("poker_hands_finished_total"), asAdmin.Sum("poker_hands_finished_total"));

        // And on the operations page: the silo's samples (one a second) add up to the action calls handled.
        var calls = Delta(after, before, "poker_table_action_duration_seconds_count");
        var operations = await OperationsUntil(admin.AccessToken, o => Actions(o) >= calls && o.Samples.Any(s => s.Connections == 2));
        Assert.Equal(calls, Actions(operations), 3);
        Assert.Contains(operations.Samples, s => s.ActionP50 > 0 && s.ActionP99 >= s.ActionP50);
        Assert.Contains(operations.Samples, s => s.DeliveryP50 > 0);
        Assert.Contains(operations.Samples, s => s.Connections == 2);
        Assert.Equal(["silo", "gateway"], operations.Process.Roles);
    }

    private static double Actions(ProcessSeries series) => Math.Round(series.Samples.Sum(s => s.ActionsPerSecond * s.IntervalSeconds), 3);

    /// <summary>
    /// The silo's series of <c>/api/admin/operations</c> once <paramref name="done"/> holds. The silo is another process
    /// that samples once a second on its own clock and announces nothing here: a bounded wait.
    /// </summary>
    private async Task<ProcessSeries> OperationsUntil(string adminToken, Func<ProcessSeries, bool> done)
    {
        using var http = fixture.Http(adminToken);
        var response = await BoundedWait.Until(
            async () => (await http.GetFromJsonAsync<OperationsResponse>("/api/admin/operations", GatewayFixture.Json))!,
            r => r.Processes.Count == 1 && done(r.Processes[0]), // the silo's first sample comes a second after it started
            "operations samples",
            TimeSpan.FromSeconds(20),
            TimeSpan.FromMilliseconds(250));
        return Assert.Single(response.Processes);
    }

    [Fact]
    public async Task Metrics_answer_on_the_management_port_and_to_admins_only_and_the_management_port_serves_nothing_else()
    {
        var (admin, player) = await AdminAndPlayer();
        using var anonymous = fixture.Http();
        using var signedIn = fixture.Http(player.AccessToken);
        using var asAdmin = fixture.Http(admin.AccessToken);
        using var management = new HttpClient { BaseAddress = fixture.Management };

        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/metrics?format=text")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await signedIn.GetAsync("/metrics")).StatusCode);
        var adminScrape = await asAdmin.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, adminScrape.StatusCode);
        Assert.Contains("# TYPE poker_tables gauge", await adminScrape.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var managed = await management.GetAsync("/metrics");
        Assert.Equal(HttpStatusCode.OK, managed.StatusCode);
        Assert.Contains("# TYPE poker_tables gauge", await managed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await management.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await management.GetAsync("/api/lobby")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await management.PostAsync("/hubs/table/negotiate?negotiateVersion=1", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await management.GetAsync("/")).StatusCode);
    }

    private static double Delta(PrometheusText after, PrometheusText before, string name, params (string Label, string Value)[] labels) =>
        after.Sum(name, labels) - before.Sum(name, labels);

    /// <summary>
    /// Scrapes the silo's management port until <paramref name="done"/> holds. The counters change in the silo process
    /// as it handles what the test sent, which announces nothing here: a bounded wait.
    /// </summary>
    private Task<PrometheusText> ScrapeUntil(Func<PrometheusText, bool> done) =>
        BoundedWait.Until(fixture.ScrapeManagement, done, "expected metrics", TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(100));

    private async Task<string> NewTable(string adminToken)
    {
        using var http = fixture.Http(adminToken);
        var templateId = $"metrics-{Guid.NewGuid():N}"[..20];
        var config = GatewayFixture.Holdem() with { Name = "Metrics NLHE", TurnTime = TimeSpan.FromMinutes(2), PauseBetweenHands = TimeSpan.FromSeconds(2) };
        (await http.PostAsJsonAsync("/api/admin/templates", new TemplateCreateRequest(templateId, config), GatewayFixture.Json)).EnsureSuccessStatusCode();
        var created = await http.PostAsJsonAsync("/api/tables", new { templateId });
        created.EnsureSuccessStatusCode();
        return (await created.Content.ReadFromJsonAsync<TableCreatedResponse>(GatewayFixture.Json))!.Table.TableId;
    }

    private async Task Sit(string accessToken, string tableId, int seat)
    {
        using var http = fixture.Http(accessToken);
        (await http.PostAsJsonAsync($"/api/tables/{tableId}/sit", new { buyIn = 100, seat })).EnsureSuccessStatusCode();
    }
}
