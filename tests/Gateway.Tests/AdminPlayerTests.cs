using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Orleans.Poker.Grains.Interfaces.Players;

namespace Orleans.Poker.Gateway.Tests;

/// <summary>The admin console's player routes: search, a player's page, ledger and hands, every transaction, bans.</summary>
[Collection(GatewayCollection.Name)]
public sealed class AdminPlayerTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Search_finds_players_by_name_or_username_in_any_case_and_by_telegram_id()
    {
        var admin = await fixture.SignInAdmin();
        var telegramId = GatewayFixture.NewTelegramId();
        var name = $"Quill{telegramId}";
        await fixture.SignInTelegram(telegramId, name);
        using var http = fixture.Http(admin.AccessToken);

        var byName = await http.GetFromJsonAsync<JsonElement>($"/api/admin/players?q={name.ToLowerInvariant()}");
        var byUsername = await http.GetFromJsonAsync<JsonElement>($"/api/admin/players?q=%40u{telegramId}");
        var byId = await http.GetFromJsonAsync<JsonElement>($"/api/admin/players?q={telegramId}");

        foreach (var found in new[] { byName, byUsername, byId })
        {
            var player = Assert.Single(found.EnumerateArray());
            Assert.Equal((telegramId, name), (player.GetProperty("playerId").GetInt64(), player.GetProperty("displayName").GetString()));
        }
    }

    [Theory]
    [InlineData("/api/admin/players")]
    [InlineData("/api/admin/players?q=a")]
    [InlineData("/api/admin/players?q=%20%20x%20")]
    [InlineData("/api/admin/players?q=%01%02%03")]
    public async Task Search_text_too_short_too_long_or_missing_is_a_400(string path)
    {
        using var http = fixture.Http((await fixture.SignInAdmin()).AccessToken);

        await Problems.AssertProblem(await http.GetAsync(path), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Search_text_over_64_characters_is_a_400_naming_the_limit()
    {
        using var http = fixture.Http((await fixture.SignInAdmin()).AccessToken);

        await Problems.AssertProblem(await http.GetAsync($"/api/admin/players?q={new string('x', 65)}"), HttpStatusCode.BadRequest, "invalid_search", "64");
    }

    [Fact]
    public async Task The_player_page_shows_profile_balance_ban_and_admin_status_and_unknown_players_are_404()
    {
        var admin = await fixture.SignInAdmin();
        var player = await fixture.SignInTelegram(GatewayFixture.NewTelegramId());
        using var http = fixture.Http(admin.AccessToken);

        var page = await http.GetFromJsonAsync<JsonElement>($"/api/admin/players/{Id(player)}");
        var adminPage = await http.GetFromJsonAsync<JsonElement>($"/api/admin/players/{Id(admin)}");
        var hands = await http.GetFromJsonAsync<JsonElement>($"/api/admin/players/{Id(player)}/hands?pageSize=5");

        Assert.Equal(player.Player.Balance, page.GetProperty("balance").GetInt64());
        Assert.Equal(Id(player), page.GetProperty("profile").GetProperty("playerId").GetInt64());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("ban").ValueKind);
        Assert.False(page.GetProperty("isAdmin").GetBoolean());
        Assert.True(adminPage.GetProperty("isAdmin").GetBoolean());
        Assert.Equal(5, hands.GetProperty("pageSize").GetInt32());
        await Problems.AssertProblem(await http.GetAsync("/api/admin/players/123456789012"), HttpStatusCode.NotFound, "not_found");
        await Problems.AssertProblem(await http.GetAsync("/api/admin/players/123456789012/ledger"), HttpStatusCode.NotFound, "not_found");
        await Problems.AssertProblem(await http.GetAsync("/api/admin/players/123456789012/hands"), HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task A_players_ledger_and_every_transaction_are_paged_newest_first_and_filtered_by_kind_and_time()
    {
        var admin = await fixture.SignInAdmin();
        var player = await fixture.SignInTelegram(GatewayFixture.NewTelegramId());
        using var http = fixture.Http(admin.AccessToken);
        (await http.PostAsJsonAsync($"/api/admin/players/{Id(player)}/adjust", new { amount = 70, reason = "first" })).EnsureSuccessStatusCode();
        (await http.PostAsJsonAsync($"/api/admin/players/{Id(player)}/adjust", new { amount = -20, reason = "second" })).EnsureSuccessStatusCode();
        var from = Uri.EscapeDataString(fixture.Time.GetUtcNow().AddMinutes(-1).ToString("O", CultureInfo.InvariantCulture));
        var to = Uri.EscapeDataString(fixture.Time.GetUtcNow().AddMinutes(1).ToString("O", CultureInfo.InvariantCulture));

        var all = await Items(http, $"/api/admin/players/{Id(player)}/ledger");
        var adjustments = await Items(http, $"/api/admin/players/{Id(player)}/ledger?kind=admin_adjustment&from={from}&to={to}");
        var secondPage = await Items(http, $"/api/admin/players/{Id(player)}/ledger?page=2&pageSize=1");
        var everyones = await Items(http, $"/api/admin/transactions?kind=AdminAdjustment&from={from}&to={to}&pageSize=100");

        Assert.Equal(["AdminAdjustment", "AdminAdjustment", "Grant"], all.Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal(["second", "first"], adjustments.Select(e => e.GetProperty("note").GetString()));
        Assert.Equal("first", Assert.Single(secondPage).GetProperty("note").GetString());
        Assert.Equal(2, everyones.Count(e => e.GetProperty("playerId").GetInt64() == Id(player)));

        var csv = await http.GetStringAsync($"/api/admin/ledger/export?from={from}&to={to}&playerId={Id(player)}");
        var rows = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1..];
        Assert.Equal(["grant", "admin_adjustment", "admin_adjustment"], rows.Select(r => r.Split(',')[3]));
        Assert.All(rows, r => Assert.Equal(Id(player).ToString(CultureInfo.InvariantCulture), r.Split(',')[2]));
        await Problems.AssertProblem(await http.GetAsync($"/api/admin/ledger/export?from={from}&to={to}&playerId=123456789012"), HttpStatusCode.NotFound, "not_found");
    }

    [Theory]
    [InlineData("kind=Bribe", "kind")]
    [InlineData("from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z", "from")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("page=0", "page")]
    [InlineData("from=yesterday", null)]
    public async Task Ledger_filters_out_of_shape_are_a_400(string query, string? mentions)
    {
        var admin = await fixture.SignInAdmin();
        using var http = fixture.Http(admin.AccessToken);

        await Problems.AssertProblem(await http.GetAsync($"/api/admin/players/{Id(admin)}/ledger?{query}"), HttpStatusCode.BadRequest, mentions: mentions);
        await Problems.AssertProblem(await http.GetAsync($"/api/admin/transactions?{query}"), HttpStatusCode.BadRequest, mentions: mentions);
    }

    [Fact]
    public async Task The_player_routes_are_refused_to_players_and_change_nothing()
    {
        var player = await fixture.SignInTelegram(GatewayFixture.NewTelegramId());
        var other = await fixture.SignInTelegram(GatewayFixture.NewTelegramId());
        using var http = fixture.Http(player.AccessToken);

        var responses = new[]
        {
            await http.GetAsync("/api/admin/players?q=someone"),
            await http.GetAsync($"/api/admin/players/{Id(other)}"),
            await http.GetAsync($"/api/admin/players/{Id(other)}/ledger"),
            await http.GetAsync($"/api/admin/players/{Id(other)}/hands"),
            await http.GetAsync("/api/admin/transactions"),
            await http.PostAsJsonAsync($"/api/admin/players/{Id(other)}/ban", new { reason = "I don't like them" }),
            await http.PostAsJsonAsync($"/api/admin/players/{Id(other)}/unban", new { reason = "x" }),
        };

        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        Assert.Null(await fixture.Grains.GetGrain<IPlayerGrain>(Id(other)).GetBan());
    }

    [Fact]
    public async Task A_ban_refuses_the_players_tokens_sign_in_refresh_and_hub_calls_and_stands_them_up_with_their_chips()
    {
        var admin = await fixture.SignInAdmin();
        var telegramId = GatewayFixture.NewTelegramId();
        var player = await fixture.SignInTelegram(telegramId, "Cheat");
        var table = await fixture.CreateTable(admin.AccessToken, await fixture.NewTemplate());
        await fixture.Sit(player.AccessToken, table.Table.TableId, 0, 150);
        await using var hub = await TableClient.Connect(fixture.Server, player.AccessToken, Id(player));
        await hub.Watch(table.Table.TableId);
        using var http = fixture.Http(admin.AccessToken);
        var closed = new TaskCompletionSource();
        hub.Connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };

        var banned = await http.PostAsJsonAsync($"/api/admin/players/{Id(player)}/ban", new { reason = "  chip dumping " });

        Assert.Equal(HttpStatusCode.OK, banned.StatusCode);
        Assert.Equal("chip dumping", (await banned.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());
        using var own = fixture.Http(player.AccessToken);
        await Problems.AssertProblem(await own.GetAsync("/api/players/me"), HttpStatusCode.Forbidden, "banned", "chip dumping");
        using var anonymous = fixture.Http();
        await Problems.AssertProblem(await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = player.RefreshToken }), HttpStatusCode.Forbidden, "banned");
        await Problems.AssertProblem(await anonymous.PostAsJsonAsync("/api/auth/telegram", new { initData = GatewayFixture.InitData(telegramId, "Cheat") }), HttpStatusCode.Forbidden, "banned");

        // The table's event about the seat ends the pending long poll; the next poll is refused, closing the connection.
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.DoesNotContain((await fixture.PublicSnapshot(table.Table.TableId)).View.Seats, s => s.PlayerId == Id(player));
        var page = await http.GetFromJsonAsync<JsonElement>($"/api/admin/players/{Id(player)}");
        Assert.Equal(player.Player.Balance, page.GetProperty("balance").GetInt64());
        Assert.Equal("chip dumping", page.GetProperty("ban").GetProperty("reason").GetString());
        var audit = await http.GetFromJsonAsync<JsonElement>("/api/admin/audit?action=player.ban&pageSize=100");
        Assert.Contains(audit.GetProperty("items").EnumerateArray(), e => e.GetProperty("target").GetString() == Id(player).ToString(CultureInfo.InvariantCulture));

        var lifted = await http.PostAsJsonAsync($"/api/admin/players/{Id(player)}/unban", new { reason = "appeal" });

        Assert.Equal(HttpStatusCode.NoContent, lifted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync("/api/players/me")).StatusCode);
        await fixture.SignInTelegram(telegramId, "Cheat");
    }

    [Fact]
    public async Task A_banned_players_open_websocket_is_closed_by_the_ban_before_any_call_and_a_reconnect_is_refused()
    {
        var admin = await fixture.SignInAdmin();
        var player = await fixture.SignInTelegram(GatewayFixture.NewTelegramId());
        var table = await fixture.CreateTable(admin.AccessToken, await fixture.NewTemplate());
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(fixture.Server.BaseAddress, $"/hubs/table?access_token={player.AccessToken}"), o =>
            {
                o.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                o.SkipNegotiation = true;
                o.WebSocketFactory = (context, ct) => new ValueTask<System.Net.WebSockets.WebSocket>(fixture.Server.CreateWebSocketClient().ConnectAsync(context.Uri, ct));
            })
            .Build();
        await using var _ = connection;
        var closed = new TaskCompletionSource();
        connection.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await connection.StartAsync();
        await connection.InvokeAsync("Watch", table.Table.TableId);
        using var http = fixture.Http(admin.AccessToken);

        (await http.PostAsJsonAsync($"/api/admin/players/{Id(player)}/ban", new { reason = "spam" })).EnsureSuccessStatusCode();

        // The ban's notice closed the connection (no call of the player's needed); a reconnect is refused with the 403 problem.
        await closed.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await Assert.ThrowsAnyAsync<Exception>(() => connection.InvokeAsync("Unwatch", table.Table.TableId));
        var reconnect = await fixture.Http().PostAsync($"/hubs/table/negotiate?negotiateVersion=1&access_token={player.AccessToken}", null);
        await Problems.AssertProblem(reconnect, HttpStatusCode.Forbidden, "banned");
    }

    [Fact]
    public async Task Bans_without_a_reason_of_admins_of_unknown_players_and_lifting_no_ban_are_refused_and_change_nothing()
    {
        var admin = await fixture.SignInAdmin();
        var player = await fixture.SignInTelegram(GatewayFixture.NewTelegramId());
        using var http = fixture.Http(admin.AccessToken);
        var path = $"/api/admin/players/{Id(player)}";

        await Problems.AssertProblem(await http.PostAsJsonAsync($"{path}/ban", new { reason = "" }), HttpStatusCode.BadRequest, "invalid_input", "reason");
        await Problems.AssertProblem(await http.PostAsJsonAsync($"{path}/ban", new { }), HttpStatusCode.BadRequest, "invalid_input", "reason");
        await Problems.AssertProblem(await http.PostAsJsonAsync($"{path}/ban", new { reason = new string('r', 201) }), HttpStatusCode.BadRequest, "invalid_input", "reason");
        await Problems.AssertProblem(await http.PostAsJsonAsync($"/api/admin/players/{Id(admin)}/ban", new { reason = "oops" }), HttpStatusCode.Forbidden, "forbidden");
        await Problems.AssertProblem(await http.PostAsJsonAsync("/api/admin/players/123456789012/ban", new { reason = "who" }), HttpStatusCode.NotFound, "not_found");
        await Problems.AssertProblem(await http.PostAsJsonAsync($"{path}/unban", new { reason = "nothing" }), HttpStatusCode.Conflict, "not_banned");
        await Problems.AssertProblem(await http.PostAsJsonAsync($"{path}/unban", new { reason = " " }), HttpStatusCode.BadRequest, "invalid_input", "reason");

        Assert.Null(await fixture.Grains.GetGrain<IPlayerGrain>(Id(player)).GetBan());
        Assert.Null(await fixture.Grains.GetGrain<IPlayerGrain>(Id(admin)).GetBan());
        Assert.Equal(HttpStatusCode.OK, (await fixture.Http(player.AccessToken).GetAsync("/api/players/me")).StatusCode);
    }

    private static long Id(Contracts.AuthResponse auth) => auth.Player.Profile.PlayerId;

    private static async Task<List<JsonElement>> Items(HttpClient http, string path) =>
        (await http.GetFromJsonAsync<JsonElement>(path)).GetProperty("items").EnumerateArray().ToList();
}
