using System.Net;
using System.Net.Http.Json;
using Orleans.Poker.Gateway.Contracts;
using Orleans.Poker.Gateway.Dashboard;

namespace Orleans.Poker.Gateway.Tests;

/// <summary>The Orleans dashboard and the operations figures of the same real silo: admins only.</summary>
public sealed partial class MetricsTests
{
    private const string Dashboard = "/orleans-dashboard";

    /// <summary>The admin and a new player, signed in.</summary>
    private async Task<(AuthResponse Admin, AuthResponse Player)> AdminAndPlayer() =>
        (await fixture.SignIn(GatewayFixture.AdminTelegramId, "Admin"), await fixture.SignIn(GatewayFixture.NewTelegramId(), "Pat"));

    [Fact]
    public async Task The_dashboard_refuses_anonymous_and_non_admin_requests_and_answers_an_admin()
    {
        var (admin, player) = await AdminAndPlayer();
        using var anonymous = fixture.Http();
        using var signedIn = fixture.Http(player.AccessToken);
        using var asAdmin = fixture.Http(admin.AccessToken);

        foreach (var path in new[] { Dashboard + "/", Dashboard + "/index.min.js", Dashboard + "/ClusterStats", Dashboard + "/DashboardCounters", Dashboard + "/Trace" })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(path)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await signedIn.GetAsync(path)).StatusCode);
        }

        var page = await asAdmin.GetAsync(Dashboard + "/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<html", await page.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        var counters = await asAdmin.GetAsync(Dashboard + "/DashboardCounters");
        Assert.Equal(HttpStatusCode.OK, counters.StatusCode);
        Assert.Contains("totalActiveHostCount", await counters.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);

        // A silo address that does not parse is a 400 with a problem, not a 500.
        var malformed = await asAdmin.GetAsync(Dashboard + "/SiloProperties/not-a-silo");
        await Problems.AssertProblem(malformed, HttpStatusCode.BadRequest, mentions: "invalid_dashboard_request");

        // Not anonymously on the management port either: it serves /metrics and /health only.
        using var management = new HttpClient { BaseAddress = fixture.Management };
        Assert.Equal(HttpStatusCode.NotFound, (await management.GetAsync(Dashboard + "/")).StatusCode);
    }

    [Fact]
    public async Task A_browser_opens_the_dashboard_with_an_admin_token_once_and_then_uses_the_cookie()
    {
        var (admin, player) = await AdminAndPlayer();
        var cookies = new CookieContainer();
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = fixture.Public };

        // A player's token is refused and sets nothing.
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync($"{Dashboard}/?access_token={player.AccessToken}")).StatusCode);
        Assert.Empty(cookies.GetCookies(fixture.Public));

        var opened = await browser.GetAsync($"{Dashboard}/?access_token={admin.AccessToken}");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal(Dashboard + "/", opened.Headers.Location!.OriginalString);
        var setCookie = Assert.Single(opened.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains($"path={Dashboard}", setCookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=", setCookie, StringComparison.OrdinalIgnoreCase);

        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(Dashboard + "/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(Dashboard + "/ClusterStats")).StatusCode);
        // The cookie is the dashboard's only: the API does not take it.
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/admin/operations")).StatusCode);

        // A forged cookie is refused.
        using var forged = new HttpClient { BaseAddress = fixture.Public };
        forged.DefaultRequestHeaders.Add("Cookie", $"{DashboardAccess.CookieName}={admin.AccessToken}x");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync(Dashboard + "/ClusterStats")).StatusCode);
    }

    [Fact]
    public async Task Operations_answer_admins_only_with_the_processes_that_report()
    {
        var (admin, player) = await AdminAndPlayer();
        using var anonymous = fixture.Http();
        using var signedIn = fixture.Http(player.AccessToken);

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/admin/operations")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await signedIn.GetAsync("/api/admin/operations")).StatusCode);

        var silo = await OperationsUntil(admin.AccessToken, s => s.Samples.Count >= 2);
        using var asAdmin = fixture.Http(admin.AccessToken);
        var response = (await asAdmin.GetFromJsonAsync<OperationsResponse>("/api/admin/operations", GatewayFixture.Json))!;
        Assert.Equal(3600, response.WindowSeconds);
        Assert.Equal(Dashboard, response.DashboardPath);
        Assert.Equal("silo", silo.Process.Kind);
        Assert.Equal(Orleans.Poker.ServiceDefaults.ProductInfo.Version, silo.Process.Version);
        Assert.True(silo.Process.StartedAt <= silo.LastSeen);
        Assert.True(silo.Samples.Count >= 2);
        // Each sample covers the time since the one before (a real interval, not zero); on a loaded two-core machine a
        // sample may come seconds late (5.9 s was seen), so only an absurd interval fails.
        Assert.All(silo.Samples, s => Assert.InRange(s.IntervalSeconds, 0.5, 30));
    }
}
