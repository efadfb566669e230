using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Orleans.Poker.Grains.Interfaces.Admin;
using Orleans.Poker.ServiceDefaults.Configuration;

namespace Orleans.Poker.Gateway.Tests;

/// <summary>The maintenance switch's routes: admins and the operations tooling set it, every client reads it.</summary>
[Collection(GatewayCollection.Name)]
public sealed class MaintenanceRouteTests(GatewayFixture fixture)
{
    private const string OperationsToken = "operations-token-of-at-least-32-characters";

    [Fact]
    public async Task An_admin_switches_maintenance_players_see_it_and_tables_are_told()
    {
        var admin = await fixture.SignInAdmin();
        var player = await fixture.SignInGuest();
        var tableId = (await fixture.CreateTable(player.AccessToken, await fixture.NewTemplate())).Table.TableId;
        using var http = fixture.Http(admin.AccessToken);
        using var mine = fixture.Http(player.AccessToken);

        try
        {
            var on = await http.PostAsJsonAsync("/api/admin/maintenance", new { on = true, message = "Update at 05:00" });
            var seen = await mine.GetFromJsonAsync<JsonElement>("/api/maintenance");
            var view = (await fixture.PublicSnapshot(tableId)).View;

            Assert.Equal(HttpStatusCode.OK, on.StatusCode);
            Assert.True(seen.GetProperty("on").GetBoolean());
            Assert.Equal("Update at 05:00", seen.GetProperty("message").GetString());
            Assert.True(view.Maintenance);
        }
        finally
        {
            (await http.PostAsJsonAsync("/api/admin/maintenance", new { on = false })).EnsureSuccessStatusCode();
        }

        var audit = await fixture.Grains.GetGrain<IAuditLogGrain>(0).Search(new AuditQuery(AdminId: admin.Player.Profile.PlayerId, Take: 10));
        Assert.False((await mine.GetFromJsonAsync<JsonElement>("/api/maintenance")).GetProperty("on").GetBoolean());
        Assert.False((await fixture.PublicSnapshot(tableId)).View.Maintenance);
        Assert.Equal(["room.maintenance.off", "room.maintenance.on"], audit.Where(e => e.Action.StartsWith("room.maintenance", StringComparison.Ordinal)).Take(2).Select(e => e.Action));
    }

    [Fact]
    public async Task Maintenance_routes_refuse_players_and_bad_input_and_change_nothing()
    {
        var admin = await fixture.SignInAdmin();
        var player = await fixture.SignInGuest();
        using var http = fixture.Http(admin.AccessToken);
        using var mine = fixture.Http(player.AccessToken);

        var refused = await mine.PostAsJsonAsync("/api/admin/maintenance", new { on = true });
        await Problems.AssertProblem(await http.PostAsJsonAsync("/api/admin/maintenance", new { message = "no switch" }), HttpStatusCode.BadRequest, "invalid_input", "on");
        await Problems.AssertProblem(await http.PostAsJsonAsync("/api/admin/maintenance", new { on = true, message = new string('x', 201) }), HttpStatusCode.BadRequest, "invalid_input", "message");
        await Problems.AssertProblem(await fixture.Http().PostAsJsonAsync("/api/ops/maintenance", new { on = true }), HttpStatusCode.NotFound, "not_found");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False((await fixture.Grains.GetGrain<IMaintenanceGrain>(IMaintenanceGrain.Key).Get()).On);
    }

    [Fact]
    public async Task The_operations_tooling_switches_maintenance_with_its_token_only()
    {
        var options = new PokerOptions
        {
            Auth = new AuthSettings { BotToken = GatewayFixture.BotToken, GuestSignIn = true, OperationsToken = OperationsToken },
            Gateway = fixture.Options.Gateway,
        };
        await using var gateway = await GatewayFixture.StartGateway(fixture.Cluster.Client, options);
        using var http = gateway.GetTestServer().CreateClient();

        var without = await http.PostAsJsonAsync("/api/ops/maintenance", new { on = true });
        http.DefaultRequestHeaders.Add("X-Poker-Operations-Token", "wrong-token-wrong-token-wrong-token-wrong");
        var wrong = await http.PostAsJsonAsync("/api/ops/maintenance", new { on = true });
        http.DefaultRequestHeaders.Remove("X-Poker-Operations-Token");
        http.DefaultRequestHeaders.Add("X-Poker-Operations-Token", OperationsToken);
        MaintenanceStatus? on;
        try
        {
            var response = await http.PostAsJsonAsync("/api/ops/maintenance", new { on = true, message = "Updating" });
            on = await response.Content.ReadFromJsonAsync<MaintenanceStatus>(GatewayFixture.Json);
        }
        finally
        {
            (await http.PostAsJsonAsync("/api/ops/maintenance", new { on = false })).EnsureSuccessStatusCode();
        }

        var status = await http.GetFromJsonAsync<MaintenanceStatus>("/api/ops/maintenance", GatewayFixture.Json);
        var audit = await fixture.Grains.GetGrain<IAuditLogGrain>(0).Search(new AuditQuery(AdminId: 0, Action: "room.maintenance.on", Take: 1));

        await Problems.AssertProblem(without, HttpStatusCode.Unauthorized, "unauthenticated");
        await Problems.AssertProblem(wrong, HttpStatusCode.Unauthorized, "unauthenticated");
        Assert.Equal((true, 0L, "Updating"), (on!.On, on.By, on.Message));
        Assert.False(status!.On);
        Assert.Equal("Updating", Assert.Single(audit).Details);
    }

    [Fact]
    public void A_short_operations_token_stops_the_gateway_at_start_up()
    {
        var options = new PokerOptions { Auth = new AuthSettings { OperationsToken = "short" } };

        var error = Assert.Throws<InvalidOperationException>(() => new Auth.OperationsToken(options));

        Assert.Contains("POKER__Auth__OperationsToken", error.Message, StringComparison.Ordinal);
    }
}
