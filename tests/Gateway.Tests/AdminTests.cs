using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Orleans.Poker.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class AdminTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Admin_routes_are_refused_to_players()
    {
        var player = await fixture.SignInTelegram(GatewayFixture.NewTelegramId());
        using var http = fixture.Http(player.AccessToken);

        var responses = new[]
        {
            await http.GetAsync("/api/admin/tables"),
            await http.GetAsync("/api/admin/audit"),
            await http.PostAsJsonAsync($"/api/admin/players/{player.Player.Profile.PlayerId}/adjust", new { amount = 1_000_000, reason = "free money" }),
            await http.PostAsJsonAsync("/api/admin/templates", new { id = "mine", config = new { name = "x", variant = "NT" } }),
            await http.PostAsJsonAsync("/api/admin/tables/tabc/close", new { reason = "no" }),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode));
        using var me = fixture.Http(player.AccessToken);
        var balance = await me.GetFromJsonAsync<JsonElement>("/api/players/me/balance");
        Assert.Equal(player.Player.Balance, balance.GetProperty("amount").GetInt64());
    }

    [Fact]
    public async Task Admins_see_private_tables_that_the_lobby_does_not_list()
    {
        var admin = await fixture.SignInAdmin();
        var player = await fixture.SignInGuest();
        using var mine = fixture.Http(player.AccessToken);
        var created = await mine.PostAsJsonAsync("/api/tables", new { templateId = await fixture.NewTemplate(), @private = true });
        created.EnsureSuccessStatusCode();
        var tableId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("table").GetProperty("tableId").GetString();

        using var http = fixture.Http(admin.AccessToken);
        var lobby = await AllPages(mine, "/api/lobby");
        var admins = await AllPages(http, "/api/admin/tables");

        Assert.DoesNotContain(lobby, t => t.GetProperty("tableId").GetString() == tableId);
        Assert.Contains(admins, t => t.GetProperty("tableId").GetString() == tableId && t.GetProperty("isPrivate").GetBoolean());
    }

    private static async Task<List<JsonElement>> AllPages(HttpClient http, string path)
    {
        var items = new List<JsonElement>();
        for (var page = 1; ; page++)
        {
            var body = await http.GetFromJsonAsync<JsonElement>($"{path}?page={page}&pageSize=100");
            var batch = body.GetProperty("items").EnumerateArray().ToList();
            items.AddRange(batch);
            if (batch.Count < 100)
            {
                return items;
            }
        }
    }

    [Fact]
    public async Task Admin_balance_adjustment_writes_the_ledger_and_the_audit_log()
    {
        var admin = await fixture.SignInAdmin();
        var player = await fixture.SignInTelegram(GatewayFixture.NewTelegramId());
        using var http = fixture.Http(admin.AccessToken);

        var response = await http.PostAsJsonAsync($"/api/admin/players/{player.Player.Profile.PlayerId}/adjust", new { amount = 250, reason = "tournament refund" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(admin.IsAdmin);
        var balance = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(player.Player.Balance + 250, balance.GetProperty("amount").GetInt64());
        var audit = await http.GetFromJsonAsync<JsonElement>("/api/admin/audit?pageSize=50");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e =>
            e.GetProperty("action").GetString() == "player.adjust" && e.GetProperty("target").GetString() == player.Player.Profile.PlayerId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var me = fixture.Http(player.AccessToken);
        var ledger = await me.GetFromJsonAsync<JsonElement>("/api/players/me/ledger");
        Assert.Contains(ledger.GetProperty("items").EnumerateArray(), e => e.GetProperty("kind").GetString() == "AdminAdjustment" && e.GetProperty("amount").GetInt64() == 250);
    }

    [Fact]
    public async Task Admin_creates_a_template_and_players_see_it()
    {
        var admin = await fixture.SignInAdmin();
        var player = await fixture.SignInGuest();
        var id = $"adm-{Guid.NewGuid():N}"[..16];
        using var http = fixture.Http(admin.AccessToken);

        var created = await http.PostAsJsonAsync("/api/admin/templates", new
        {
            id,
            config = new { name = "Admin NLHE", variant = "NT", smallBlind = 5, bigBlind = 10, minBuyIn = 200, maxBuyIn = 1000, maxPlayers = 6, turnTime = "00:00:20", pauseBetweenHands = "00:00:02" },
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var asPlayer = fixture.Http(player.AccessToken);
        var template = await asPlayer.GetFromJsonAsync<JsonElement>($"/api/templates/{id}");
        Assert.Equal(1, template.GetProperty("version").GetInt32());
    }
}
