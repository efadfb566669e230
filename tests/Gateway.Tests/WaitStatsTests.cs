using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Poker.Grains.Analytics;

namespace Orleans.Poker.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class WaitStatsTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Admins_read_how_long_people_waited_for_a_seat_and_sat()
    {
        var from = fixture.Time.GetUtcNow();
        var template = await fixture.NewTemplate(c => c with { MaxPlayers = 2, MinPlayers = 2, SeatHoldTime = TimeSpan.FromMinutes(1) });
        var (ann, bob, cat, admin) = (await fixture.SignInGuest("Ann"), await fixture.SignInGuest("Bob"), await fixture.SignInGuest("Cat"), await fixture.SignInAdmin());
        var table = (await fixture.CreateTable(ann.AccessToken, template)).Table.TableId;
        await fixture.Sit(ann.AccessToken, table, 0);
        await fixture.Sit(bob.AccessToken, table, 1);
        using (var catHttp = fixture.Http(cat.AccessToken))
        {
            (await catHttp.PostAsync($"/api/tables/{table}/waitlist", null)).EnsureSuccessStatusCode();
        }

        using (var annHttp = fixture.Http(ann.AccessToken))
        {
            (await annHttp.PostAsync($"/api/tables/{table}/leave", null)).EnsureSuccessStatusCode(); // seat 0 is held for Cat
        }

        await fixture.Sit(cat.AccessToken, table, 0);
        await fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<SeatHistoryWriter>().FlushAsync();
        using var http = fixture.Http(admin.AccessToken);
        var range = $"from={Uri.EscapeDataString(from.ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(fixture.Time.GetUtcNow().AddMinutes(1).ToString("O", CultureInfo.InvariantCulture))}";

        var report = await http.GetFromJsonAsync<JsonElement>($"/api/admin/analytics/waits?{range}&tableId={table}");
        var room = await http.GetFromJsonAsync<JsonElement>($"/api/admin/analytics/waits?{range}");

        var stats = Assert.Single(report.GetProperty("tables").EnumerateArray());
        Assert.Equal(table, stats.GetProperty("tableId").GetString());
        Assert.Equal((1, 1, 0, 3), (stats.GetProperty("joins").GetInt32(), stats.GetProperty("seated").GetInt32(), stats.GetProperty("waiting").GetInt32(), stats.GetProperty("seatings").GetInt32()));
        Assert.Equal(JsonValueKind.Number, stats.GetProperty("medianWaitSeconds").ValueKind);
        Assert.Equal(1, report.GetProperty("room").GetProperty("joins").GetInt32());
        Assert.Contains(room.GetProperty("tables").EnumerateArray(), t => t.GetProperty("tableId").GetString() == table);
        Assert.True(room.GetProperty("room").GetProperty("seatings").GetInt32() >= 3);
    }

    [Theory]
    [InlineData("/api/admin/analytics/waits?to=2026-01-01T00:00:00Z")]
    [InlineData("/api/admin/analytics/waits?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z")]
    [InlineData("/api/admin/analytics/waits?from=soon&to=later")]
    [InlineData("/api/admin/analytics/waits?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z&tableId=%00")]
    public async Task A_malformed_waits_request_gets_a_clear_400(string url)
    {
        var admin = await fixture.SignInAdmin();
        using var http = fixture.Http(admin.AccessToken);

        var response = await http.GetAsync(url);

        await Problems.AssertProblem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Players_cannot_read_the_waits()
    {
        var player = await fixture.SignInGuest();
        using var http = fixture.Http(player.AccessToken);

        var response = await http.GetAsync("/api/admin/analytics/waits?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
