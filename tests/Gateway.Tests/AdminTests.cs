using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orleans.Poker.Grains.Interfaces.Admin;
using Orleans.Poker.Grains.Interfaces.Templates;

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
    public async Task An_admin_action_whose_audit_entry_cannot_be_stored_is_not_carried_out_and_its_retry_acts_once()
    {
        var admin = await fixture.SignInAdmin();
        var player = await fixture.SignInTelegram(GatewayFixture.NewTelegramId());
        var id = player.Player.Profile.PlayerId;
        using var http = fixture.Http(admin.AccessToken);
        fixture.Audit.FailNextAppends();

        var failed = await http.PostAsJsonAsync($"/api/admin/players/{id}/ban", new { reason = "collusion" });
        var afterFailure = await http.GetFromJsonAsync<JsonElement>($"/api/admin/players/{id}");
        var retried = await http.PostAsJsonAsync($"/api/admin/players/{id}/ban", new { reason = "collusion" });

        await Problems.AssertProblem(failed, HttpStatusCode.ServiceUnavailable, "unavailable");
        Assert.Equal(JsonValueKind.Null, afterFailure.GetProperty("ban").ValueKind);
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal(["player.ban"], (await Audited(id)).Select(e => e.Action));
    }

    [Fact]
    public async Task An_admin_action_refused_after_its_audit_entry_is_followed_by_a_failed_entry_saying_why()
    {
        var admin = await fixture.SignInAdmin();
        var player = await fixture.SignInTelegram(GatewayFixture.NewTelegramId());
        var id = player.Player.Profile.PlayerId;
        using var http = fixture.Http(admin.AccessToken);

        var refused = await http.PostAsJsonAsync($"/api/admin/players/{id}/unban", new { reason = "appeal" });

        await Problems.AssertProblem(refused, HttpStatusCode.Conflict, "not_banned");
        var audited = await Audited(id);
        Assert.Equal(["player.unban.failed", "player.unban"], audited.Select(e => e.Action));
        Assert.StartsWith("refused: not_banned: ", audited[0].Details, StringComparison.Ordinal);
    }

    /// <summary>The audit entries about a player, newest first.</summary>
    private async Task<List<AuditEntry>> Audited(long playerId) =>
        (await fixture.Grains.GetGrain<IAuditLogGrain>(0).Search(new AuditQuery(Take: AuditQuery.MaxTake)))
            .Where(e => e.Target == playerId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();

    [Fact]
    public async Task An_adjustment_retried_with_its_request_id_is_applied_once()
    {
        var admin = await fixture.SignInAdmin();
        var player = await fixture.SignInTelegram(GatewayFixture.NewTelegramId());
        using var http = fixture.Http(admin.AccessToken);
        var url = $"/api/admin/players/{player.Player.Profile.PlayerId}/adjust";
        var requestId = Guid.NewGuid().ToString();

        var first = await http.PostAsJsonAsync(url, new { amount = 300, reason = "refund", requestId });
        var retried = await http.PostAsJsonAsync(url, new { amount = 300, reason = "refund", requestId });
        var other = await http.PostAsJsonAsync(url, new { amount = 5, reason = "another one" });
        var badId = await http.PostAsJsonAsync(url, new { amount = 300, reason = "refund", requestId = "no spaces allowed" });
        // The same id with another amount is another request: refused, not answered as if it had been applied.
        var reused = await http.PostAsJsonAsync(url, new { amount = 999, reason = "refund", requestId });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(player.Player.Balance + 300, (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("amount").GetInt64());
        Assert.Equal(player.Player.Balance + 300, (await retried.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("amount").GetInt64());
        Assert.Equal(player.Player.Balance + 305, (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("amount").GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        Assert.Equal("application/problem+json", badId.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Conflict, reused.StatusCode);
        Assert.Equal("request_id_reused", (await reused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        using var me = fixture.Http(player.AccessToken);
        var ledger = await me.GetFromJsonAsync<JsonElement>("/api/players/me/ledger");
        Assert.Equal(2, ledger.GetProperty("items").EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "AdminAdjustment"));
    }

    [Fact]
    public async Task The_audit_log_is_searched_by_admin_action_and_time()
    {
        var admin = await fixture.SignInAdmin();
        var player = await fixture.SignInTelegram(GatewayFixture.NewTelegramId());
        using var http = fixture.Http(admin.AccessToken);
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        var target = player.Player.Profile.PlayerId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync($"/api/admin/players/{target}/adjust", new { amount = 10, reason = "searched" })).StatusCode);
        var adminId = admin.Player.Profile.PlayerId;

        var found = await http.GetFromJsonAsync<JsonElement>($"/api/admin/audit?admin={adminId}&action=player.adjust&from={Uri.EscapeDataString(before.ToString("O"))}&pageSize=100");
        var items = found.GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(items, e => e.GetProperty("target").GetString() == target && e.GetProperty("details").GetString()!.Contains("searched", StringComparison.Ordinal));
        Assert.All(items, e => Assert.Equal(("player.adjust", adminId), (e.GetProperty("action").GetString(), e.GetProperty("adminId").GetInt64())));

        var otherAction = await http.GetFromJsonAsync<JsonElement>("/api/admin/audit?action=table.close&pageSize=100");
        Assert.DoesNotContain(otherAction.GetProperty("items").EnumerateArray(), e => e.GetProperty("target").GetString() == target);
        var earlier = await http.GetFromJsonAsync<JsonElement>($"/api/admin/audit?to={Uri.EscapeDataString(before.ToString("O"))}&pageSize=100");
        Assert.DoesNotContain(earlier.GetProperty("items").EnumerateArray(), e => e.GetProperty("target").GetString() == target);
        // Admin 0 is the operations tooling (its maintenance switches): its entries are searched like any admin's.
        var tooling = await http.GetFromJsonAsync<JsonElement>("/api/admin/audit?admin=0&pageSize=100");
        Assert.All(tooling.GetProperty("items").EnumerateArray(), e => Assert.Equal(0, e.GetProperty("adminId").GetInt64()));
    }

    [Theory]
    [InlineData("from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z")]
    [InlineData("admin=abc")]
    [InlineData("from=yesterday")]
    [InlineData("action=%20")]
    public async Task A_malformed_audit_search_gets_a_clear_400(string query)
    {
        var admin = await fixture.SignInAdmin();
        using var http = fixture.Http(admin.AccessToken);

        var response = await http.GetAsync($"/api/admin/audit?{query}");

        await Problems.AssertProblem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Hourly_statistics_are_rebuilt_for_a_past_range_and_read_back_and_the_rebuild_is_audited()
    {
        var admin = await fixture.SignInAdmin();
        using var http = fixture.Http(admin.AccessToken);
        var to = DateTimeOffset.UtcNow;
        var from = to.AddHours(-3);
        var range = $"from={Uri.EscapeDataString(from.ToString("O"))}&to={Uri.EscapeDataString(to.ToString("O"))}";

        var rebuilt = await http.PostAsync($"/api/admin/analytics/hourly/rebuild?{range}", null);
        var rows = await http.GetFromJsonAsync<JsonElement>($"/api/admin/analytics/hourly?{range}");

        Assert.Equal(HttpStatusCode.OK, rebuilt.StatusCode);
        Assert.True((await rebuilt.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rows").GetInt32() >= 0);
        Assert.Equal(JsonValueKind.Array, rows.ValueKind);
        var audit = await http.GetFromJsonAsync<JsonElement>("/api/admin/audit?action=analytics.rebuild&pageSize=100");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("adminId").GetInt64() == admin.Player.Profile.PlayerId);
    }

    [Theory]
    [InlineData("POST", "/api/admin/analytics/hourly/rebuild?from=2999-01-01T00:00:00Z&to=2999-01-02T00:00:00Z")]
    [InlineData("POST", "/api/admin/analytics/hourly/rebuild?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z")]
    [InlineData("POST", "/api/admin/analytics/hourly/rebuild?from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z")]
    [InlineData("POST", "/api/admin/analytics/hourly/rebuild?from=soon&to=later")]
    [InlineData("GET", "/api/admin/analytics/hourly?to=2026-01-01T00:00:00Z")]
    [InlineData("GET", "/api/admin/analytics/hourly?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z")]
    [InlineData("GET", "/api/admin/analytics/hourly?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z&tableId=%00")]
    [InlineData("GET", "/api/admin/analytics/hourly?from=0001-01-01T00:00:00Z&to=9999-12-31T00:00:00Z")]
    [InlineData("GET", "/api/admin/analytics/snapshots?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:01Z")]
    [InlineData("GET", "/api/admin/analytics/waits?from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z")]
    public async Task A_malformed_analytics_request_gets_a_clear_400_and_changes_nothing(string method, string url)
    {
        var admin = await fixture.SignInAdmin();
        using var http = fixture.Http(admin.AccessToken);
        var log = fixture.Grains.GetGrain<IAuditLogGrain>(0);
        var before = await log.Search(new AuditQuery(AdminId: admin.Player.Profile.PlayerId, Take: 5));

        var response = await http.SendAsync(new HttpRequestMessage(new HttpMethod(method), url));

        await Problems.AssertProblem(response, HttpStatusCode.BadRequest);
        // Refused before any audit entry: a bad range leaves nothing in the log either.
        Assert.Equal(before, await log.Search(new AuditQuery(AdminId: admin.Player.Profile.PlayerId, Take: 5)));
    }

    [Theory]
    [InlineData("/api/admin/analytics/hourly?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z&tableId=no-such-table")]
    [InlineData("/api/admin/analytics/snapshots?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z&tableId=no-such-table")]
    [InlineData("/api/admin/analytics/waits?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z&tableId=no-such-table")]
    public async Task Analytics_of_an_unknown_table_is_a_clear_404(string url)
    {
        var admin = await fixture.SignInAdmin();
        using var http = fixture.Http(admin.AccessToken);

        var response = await http.GetAsync(url);

        await Problems.AssertProblem(response, HttpStatusCode.NotFound, mentions: "no-such-table");
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

    [Fact]
    public async Task A_bad_template_is_refused_400_before_its_audit_entry_and_changes_nothing()
    {
        var admin = await fixture.SignInAdmin();
        using var http = fixture.Http(admin.AccessToken);
        var id = $"bad-{Guid.NewGuid():N}"[..16];
        var existing = await fixture.NewTemplate();
        var log = fixture.Grains.GetGrain<IAuditLogGrain>(0);
        var before = await log.Search(new AuditQuery(AdminId: admin.Player.Profile.PlayerId, Take: 5));
        var bad = new { name = "Bad NLHE", variant = "NT", smallBlind = 10, bigBlind = 5, minBuyIn = 200, maxBuyIn = 1000, maxPlayers = 6, turnTime = "00:00:20" };

        await Problems.AssertProblem(await http.PostAsJsonAsync("/api/admin/templates", new { id, config = bad }), HttpStatusCode.BadRequest, "invalid_template");
        await Problems.AssertProblem(await http.PutAsJsonAsync($"/api/admin/templates/{existing}", bad), HttpStatusCode.BadRequest, "invalid_template");

        // Refused by the template's own rules before any audit entry: nothing in the log, no template, no new version.
        Assert.Equal(before, await log.Search(new AuditQuery(AdminId: admin.Player.Profile.PlayerId, Take: 5)));
        Assert.Null(await fixture.Grains.GetGrain<ITemplateGrain>(id).Get());
        Assert.Equal(1, (await fixture.Grains.GetGrain<ITemplateGrain>(existing).Get())!.Version);
    }
}
