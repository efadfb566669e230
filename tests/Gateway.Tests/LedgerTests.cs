using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Orleans.Poker.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class LedgerTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Admins_page_and_export_every_players_ledger_and_read_a_balanced_sheet()
    {
        var admin = await fixture.SignInAdmin();
        var player = await fixture.SignInTelegram(GatewayFixture.NewTelegramId());
        var playerId = player.Player.Profile.PlayerId.ToString(CultureInfo.InvariantCulture);
        using var http = fixture.Http(admin.AccessToken);
        var from = DateTimeOffset.UtcNow.AddDays(-1);
        (await http.PostAsJsonAsync($"/api/admin/players/{playerId}/adjust", new { amount = 250, reason = "refund, \"late\" table" })).EnsureSuccessStatusCode();
        var range = $"from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddDays(1).ToString("O"))}";

        // The suite's other players share the range (and the fixture's clock): page until this player's grant shows.
        var listed = new List<JsonElement>();
        for (var p = 1; p <= 100 && !listed.Any(Mine); p++)
        {
            var page = await http.GetFromJsonAsync<JsonElement>($"/api/admin/ledger?{range}&page={p}&pageSize=100");
            var items = page.GetProperty("items").EnumerateArray().ToList();
            listed.AddRange(items);
            if (items.Count < 100)
            {
                break;
            }
        }

        var export = await http.GetAsync($"/api/admin/ledger/export?{range}");
        var csv = await export.Content.ReadAsStringAsync();
        var sheet = await http.GetFromJsonAsync<JsonElement>("/api/admin/ledger/balance");

        Assert.Contains(listed, Mine);
        Assert.Equal("text/csv", export.Content.Headers.ContentType?.MediaType);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("at,transfer_id,player_id,kind,amount,balance_after,table_id,note", lines[0]);
        Assert.Contains(lines, l => l.Contains($",{playerId},admin_adjustment,250,", StringComparison.Ordinal) && l.EndsWith(",\"refund, \"\"late\"\" table\"", StringComparison.Ordinal));
        Assert.True(sheet.GetProperty("balanced").GetBoolean(), sheet.ToString());
        Assert.True(sheet.GetProperty("issued").GetInt64() >= player.Player.Balance + 250);

        bool Mine(JsonElement e) => e.GetProperty("playerId").GetInt64() == player.Player.Profile.PlayerId && e.GetProperty("kind").GetString() == "Grant";
    }

    [Theory]
    [InlineData("/api/admin/ledger?from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z")]
    [InlineData("/api/admin/ledger/export?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z")]
    [InlineData("/api/admin/ledger/export?to=2026-01-01T00:00:00Z")]
    [InlineData("/api/admin/ledger?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z&pageSize=0")]
    public async Task A_malformed_ledger_request_gets_a_clear_400(string url)
    {
        var admin = await fixture.SignInAdmin();
        using var http = fixture.Http(admin.AccessToken);

        var response = await http.GetAsync(url);

        await Problems.AssertProblem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Players_cannot_read_the_rooms_ledger()
    {
        var player = await fixture.SignInGuest();
        using var http = fixture.Http(player.AccessToken);

        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/api/admin/ledger/balance")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/api/admin/ledger/export?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z")).StatusCode);
    }
}
