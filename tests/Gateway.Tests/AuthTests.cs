using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Orleans.Poker.Gateway.Contracts;

namespace Orleans.Poker.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class AuthTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Genuine_init_data_signs_in_and_registers_the_player()
    {
        var telegramId = GatewayFixture.NewTelegramId();
        using var http = fixture.Http();

        var response = await http.PostAsJsonAsync("/api/auth/telegram", new { initData = GatewayFixture.InitData(telegramId, "Alice") });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var auth = (await response.Content.ReadFromJsonAsync<AuthResponse>(GatewayFixture.Json))!;
        Assert.Equal(telegramId, auth.Player.Profile.PlayerId);
        Assert.Equal("Alice", auth.Player.Profile.DisplayName);
        using var me = fixture.Http(auth.AccessToken);
        var profile = await me.GetFromJsonAsync<JsonElement>("/api/players/me", GatewayFixture.Json);
        Assert.Equal(telegramId, profile.GetProperty("profile").GetProperty("playerId").GetInt64());
    }

    [Fact]
    public async Task A_telegram_name_is_kept_without_direction_overrides_and_a_guest_name_with_one_is_refused()
    {
        using var http = fixture.Http();

        var telegram = await http.PostAsJsonAsync("/api/auth/telegram", new { initData = GatewayFixture.InitData(GatewayFixture.NewTelegramId(), "Eve\u202E") });
        var guest = await http.PostAsJsonAsync("/api/auth/guest", new { name = "Eve\u202E" });

        Assert.Equal(HttpStatusCode.OK, telegram.StatusCode);
        Assert.Equal("Eve", (await telegram.Content.ReadFromJsonAsync<AuthResponse>(GatewayFixture.Json))!.Player.Profile.DisplayName);
        await Problems.AssertProblem(guest, HttpStatusCode.BadRequest, "invalid_input");
    }

    [Fact]
    public async Task Forged_init_data_is_refused_with_401()
    {
        var forgedUser = GatewayFixture.InitData(GatewayFixture.NewTelegramId(), "Mallory", token: "999:another-bot");
        var tampered = GatewayFixture.InitData(GatewayFixture.NewTelegramId(), "Eve").Replace("Eve", "Evf", StringComparison.Ordinal);
        using var http = fixture.Http();

        foreach (var initData in new[] { forgedUser, tampered, "user=%7B%22id%22%3A1%7D&auth_date=1&hash=00", "" })
        {
            var response = await http.PostAsJsonAsync("/api/auth/telegram", new { initData });

            await Problems.AssertProblem(response, HttpStatusCode.Unauthorized, "invalid_init_data");
        }
    }

    [Fact]
    public async Task Expired_auth_date_is_refused()
    {
        var old = GatewayFixture.InitData(GatewayFixture.NewTelegramId(), "Old", DateTimeOffset.UtcNow - TimeSpan.FromDays(2));
        using var http = fixture.Http();

        var response = await http.PostAsJsonAsync("/api/auth/telegram", new { initData = old });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("init_data_expired", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Refresh_rotates_the_token_and_the_old_one_is_revoked()
    {
        var first = await fixture.SignInTelegram(GatewayFixture.NewTelegramId());
        using var http = fixture.Http();

        var rotated = await http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first.RefreshToken });
        var replayed = await http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = first.RefreshToken });

        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var second = (await rotated.Content.ReadFromJsonAsync<AuthResponse>(GatewayFixture.Json))!;
        Assert.NotEqual(first.RefreshToken, second.RefreshToken);
        Assert.Equal(first.Player.Profile.PlayerId, second.Player.Profile.PlayerId);
        Assert.Equal(HttpStatusCode.Unauthorized, replayed.StatusCode);
    }

    [Fact]
    public async Task Presenting_a_rotated_refresh_token_again_revokes_every_token_rotated_from_it()
    {
        var a = await fixture.SignInTelegram(GatewayFixture.NewTelegramId());
        using var http = fixture.Http();
        var b = await Rotate(http, a.RefreshToken);
        var c = await Rotate(http, b.RefreshToken);

        var reused = await http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = a.RefreshToken });
        var newest = await http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = c.RefreshToken });
        var middle = await http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = b.RefreshToken });

        Assert.Equal(HttpStatusCode.Unauthorized, reused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, newest.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, middle.StatusCode);
        Assert.Equal("invalid_refresh_token", (await newest.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        // Another sign-in starts a fresh family that works.
        var again = await fixture.SignInTelegram(a.Player.Profile.PlayerId);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = again.RefreshToken })).StatusCode);
    }

    [Fact]
    public async Task A_forged_refresh_token_is_refused_and_revokes_nothing()
    {
        var a = await fixture.SignInGuest("Forged");
        using var http = fixture.Http();
        var b = await Rotate(http, a.RefreshToken);
        // Same family and a later generation, but the MAC does not match.
        var tampered = b.RefreshToken[..^4] + (b.RefreshToken.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA");

        foreach (var forged in new[] { tampered, "x", new string('A', 70), a.RefreshToken + "A" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = forged })).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = b.RefreshToken })).StatusCode);
    }

    /// <summary>Rotates a refresh token, expecting success.</summary>
    internal static async Task<AuthResponse> Rotate(HttpClient http, string refreshToken)
    {
        var response = await http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<AuthResponse>(GatewayFixture.Json))!;
    }

    [Fact]
    public async Task Logout_revokes_the_refresh_token()
    {
        var auth = await fixture.SignInGuest("Leaving");
        using var http = fixture.Http();

        var logout = await http.PostAsJsonAsync("/api/auth/logout", new { refreshToken = auth.RefreshToken });
        var refresh = await http.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = auth.RefreshToken });

        Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    [Fact]
    public async Task Guests_get_ids_above_every_telegram_id()
    {
        var guest = await fixture.SignInGuest("Visitor");

        Assert.True(guest.Player.Profile.IsGuest);
        Assert.True(guest.Player.Profile.PlayerId >= Api.AuthEndpoints.GuestIdBase);
        Assert.True(guest.Player.Profile.PlayerId < (1L << 53), "guest ids stay exact in JavaScript numbers");
        var highestGuest = Api.AuthEndpoints.GuestIdBase + ((int.MaxValue - 1) * 100L) + 99;
        Assert.False(Orleans.Poker.Grains.Robots.RobotStrategy.IsRobot(highestGuest), "no guest counts as a robot");
    }

    [Fact]
    public async Task Requests_without_a_token_get_401_and_a_bad_token_too()
    {
        using var anonymous = fixture.Http();
        using var forged = fixture.Http("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/players/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/players/me")).StatusCode);
    }

    [Theory]
    [InlineData("/hubs/table")]
    [InlineData("/hubs/lobby")]
    public async Task Hub_connections_without_a_token_get_401_and_a_bad_token_too(string hub)
    {
        using var anonymous = fixture.Http();
        using var forged = fixture.Http("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"{hub}/negotiate?negotiateVersion=1", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.PostAsync($"{hub}/negotiate?negotiateVersion=1", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"{hub}?id=any")).StatusCode);
    }

    [Fact]
    public async Task OpenApi_document_lists_the_routes()
    {
        using var http = fixture.Http();

        var document = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/auth/telegram", out _));
        Assert.True(paths.TryGetProperty("/api/tables/{tableId}/sit", out _));
        Assert.True(paths.TryGetProperty("/api/admin/players/{playerId}/adjust", out _));
    }

    [Fact]
    public async Task OpenApi_document_says_an_action_requires_its_clientSeq()
    {
        using var http = fixture.Http();

        var document = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        // The body of POST /api/tables/{tableId}/act, followed to its schema: an action without clientSeq is refused 400.
        var reference = document.GetProperty("paths").GetProperty("/api/tables/{tableId}/act").GetProperty("post").GetProperty("requestBody")
            .GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()!;
        var schema = document.GetProperty("components").GetProperty("schemas").GetProperty(reference["#/components/schemas/".Length..]);
        Assert.Contains("clientSeq", schema.GetProperty("required").EnumerateArray().Select(name => name.GetString()));
        Assert.False(schema.GetProperty("properties").GetProperty("clientSeq").TryGetProperty("default", out _), "0, the number refused, is no default");
    }

    [Fact]
    public async Task OpenApi_document_names_an_enums_members()
    {
        using var http = fixture.Http();

        var document = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var kind = document.GetProperty("components").GetProperty("schemas").GetProperty("ActionKind");
        Assert.Equal("string", kind.GetProperty("type").GetString());
        Assert.Equal(Enum.GetNames<Orleans.Poker.Grains.Interfaces.Tables.ActionKind>(), kind.GetProperty("enum").EnumerateArray().Select(name => name.GetString()));
        // A nullable enum (a pre-action's kind; null clears it) names its members and null.
        var preAction = document.GetProperty("components").GetProperty("schemas").GetProperty("PreActionRequest").GetProperty("properties").GetProperty("kind");
        Assert.Equal([.. Enum.GetNames<Orleans.Poker.Grains.Interfaces.Tables.PreActionKind>(), null], preAction.GetProperty("enum").EnumerateArray().Select(name => name.GetString()));
    }
}
