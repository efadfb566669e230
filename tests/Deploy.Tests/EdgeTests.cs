using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Orleans.Poker.Deploy.Tests;

/// <summary>nginx with infra/nginx/poker.conf over HTTPS in front of a running silo, gateway and bot.</summary>
[Collection(EdgeCollection.Name)]
public sealed class EdgeTests(EdgeFixture edge)
{
    [Fact]
    public async Task Api_answers_through_nginx_over_https()
    {
        using var http = edge.Client();

        var token = await SignIn(http, "Nginx");
        using var me = new HttpRequestMessage(HttpMethod.Get, "/api/players/me") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
        using var answer = await http.SendAsync(me);
        using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal("Nginx", body.RootElement.GetProperty("profile").GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Table_hub_connects_with_a_websocket_through_nginx_and_answers()
    {
        using var http = edge.Client();
        var token = await SignIn(http, "Socket");
        var tableId = await FirstTable(http, token);
        await using var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(edge.Https, "/hubs/table"), options =>
            {
                options.Transports = HttpTransportType.WebSockets; // no fallback: only an upgraded connection succeeds
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                options.HttpMessageHandlerFactory = _ => edge.Handler();
                options.WebSocketConfiguration = socket => socket.RemoteCertificateValidationCallback = edge.Trusts;
            })
            .Build();

        await hub.StartAsync().WaitAsync(TimeSpan.FromSeconds(30));
        var snapshot = await hub.InvokeAsync<JsonElement>("Snapshot", tableId).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(HubConnectionState.Connected, hub.State);
        Assert.Equal(JsonValueKind.Object, snapshot.ValueKind);
    }

    [Theory]
    [InlineData("/metrics")]
    [InlineData("/health/ready")]
    [InlineData("/health/live")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/dashboard")]
    [InlineData("/orleans-dashboard/")]
    [InlineData("/orleans-dashboard/DashboardCounters")]
    [InlineData("/no-such-page")]
    public async Task Health_metrics_and_everything_else_are_not_exposed(string path)
    {
        using var http = edge.Client();
        using var direct = new HttpClient();

        using var answer = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        if (path.StartsWith("/health", StringComparison.Ordinal))
        {
            // The silo behind does answer it: nginx is what hides it.
            Assert.Equal(HttpStatusCode.OK, (await direct.GetAsync($"http://127.0.0.1:{edge.Silo.HttpPort}{path}")).StatusCode);
        }

        if (path.StartsWith("/orleans-dashboard", StringComparison.Ordinal))
        {
            // The gateway behind serves it, to admins only (anonymous: 401); nginx never passes it on.
            Assert.Equal(HttpStatusCode.Unauthorized, (await direct.GetAsync($"http://127.0.0.1:{edge.Gateway.HttpPort}{path}")).StatusCode);
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/auth/config")]
    [InlineData("/no-such-page")]
    public async Task Every_answer_carries_the_security_headers(string path)
    {
        using var http = edge.Client();

        using var answer = await http.GetAsync(path);

        Assert.StartsWith("max-age=", Header(answer, "Strict-Transport-Security"));
        Assert.Equal("nosniff", Header(answer, "X-Content-Type-Options"));
        Assert.Contains("frame-ancestors 'self' https://web.telegram.org", Header(answer, "Content-Security-Policy"));
        Assert.NotNull(Header(answer, "Referrer-Policy"));
        Assert.DoesNotContain("nginx/", Header(answer, "Server") ?? "");
    }

    [Fact]
    public async Task Hashed_assets_are_immutable_and_index_html_is_revalidated()
    {
        using var http = edge.Client();

        using var asset = await http.GetAsync("/" + NginxSite.Asset);
        using var index = await http.GetAsync("/");
        using var api = await http.GetAsync("/api/auth/config");
        // A chunk of another release (asked during an update): its 404 must not be kept.
        using var missing = await http.GetAsync("/assets/index-0000dead.js");

        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Contains("immutable", asset.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.True(missing.Headers.CacheControl!.NoCache);
        Assert.Equal(HttpStatusCode.OK, index.StatusCode);
        Assert.Contains("Orleans Poker", await index.Content.ReadAsStringAsync());
        Assert.True(index.Headers.CacheControl!.NoCache);
        Assert.DoesNotContain("immutable", api.Headers.CacheControl?.ToString() ?? "");
    }

    [Theory]
    [InlineData("/api/auth/guest", 128 * 1024)]
    [InlineData("/telegram/webhook", 2 * 1024 * 1024)]
    public async Task Too_large_bodies_are_refused_with_413_by_nginx(string path, int size)
    {
        using var http = edge.Client();
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent("{\"name\":\"" + new string('x', size) + "\"}", Encoding.UTF8, "application/json"),
            Headers = { { "X-Telegram-Bot-Api-Secret-Token", EdgeFixture.WebhookSecret } },
        };

        using var answer = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, answer.StatusCode);
        Assert.Equal("text/html", answer.Content.Headers.ContentType?.MediaType); // nginx's page, not an app's problem+json
    }

    [Fact]
    public async Task Webhook_reaches_the_bot_with_its_secret_header_and_only_by_post()
    {
        using var http = edge.Client();

        using var withSecret = await PostUpdate(http, 7001, EdgeFixture.WebhookSecret);
        using var without = await PostUpdate(http, 7002, secret: null);
        using var get = await http.GetAsync("/telegram/webhook");

        Assert.Equal(HttpStatusCode.OK, withSecret.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, without.StatusCode); // the bot's own refusal: the header is what passed
        Assert.Equal(HttpStatusCode.Forbidden, get.StatusCode);
    }

    [Fact]
    public async Task Plain_http_serves_acme_challenges_and_redirects_the_rest_to_https()
    {
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{edge.Nginx.HttpPort}") };

        using var challenge = await http.GetAsync("/.well-known/acme-challenge/token-1");
        using var page = await http.GetAsync("/api/auth/config");

        Assert.Equal("token-1.key", await challenge.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.MovedPermanently, page.StatusCode);
        Assert.Equal("https", page.Headers.Location!.Scheme);
        Assert.EndsWith("/api/auth/config", page.Headers.Location.AbsolutePath);
    }

    [Fact]
    public async Task Gateways_limit_sign_ins_per_client_behind_nginx_not_per_proxy()
    {
        using var noisy = edge.ClientFrom(System.Net.IPAddress.Parse("127.0.0.2"));
        using var quiet = edge.ClientFrom(System.Net.IPAddress.Parse("127.0.0.3"));

        // The sign-in routes allow each address a burst of 30 per gateway: two gateways, so 100 requests exhaust both.
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 100; i++)
        {
            using var answer = await noisy.GetAsync("/api/auth/config");
            answers.Add(answer.StatusCode);
        }

        // Another client right after: its own buckets, untouched (sharing the proxy's, it would be refused but for the
        // few tokens refilled meanwhile).
        var others = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            using var answer = await quiet.GetAsync("/api/auth/config");
            others.Add(answer.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, answers);
        Assert.All(others, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    [Fact]
    public async Task Every_process_names_itself_and_the_product_version_in_health_and_its_first_log_line()
    {
        var version = Repo.ProductVersion();
        using var direct = new HttpClient();
        foreach (var (process, service) in new[] { (edge.Silo, "Silo"), (edge.Gateway, "Gateway"), (edge.Bot, "Bot") })
        {
            foreach (var path in new[] { "/health/live", "/health/ready" })
            {
                using var body = JsonDocument.Parse(await direct.GetStringAsync($"http://127.0.0.1:{process.HttpPort}{path}"));
                Assert.Equal(service, body.RootElement.GetProperty("service").GetString());
                Assert.Equal(version, body.RootElement.GetProperty("version").GetString());
                Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
            }

            Assert.EndsWith($"Orleans.Poker {service} {version} starting", await process.FirstLine);
        }
    }

    private static async Task<string> SignIn(HttpClient http, string name)
    {
        using var answer = await http.PostAsJsonAsync("/api/auth/guest", new { name });
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>A table of the lobby (the first start opens one per default template; bounded wait for the seeding).</summary>
    private static async Task<string> FirstTable(HttpClient http, string token)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/lobby") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) } };
            using var answer = await http.SendAsync(request);
            using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
            if (body.RootElement.GetProperty("items").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } table)
            {
                return table.GetProperty("tableId").GetString()!;
            }

            Assert.True(DateTime.UtcNow < deadline, "the lobby stayed empty");
            await Task.Delay(250);
        }
    }

    private static Task<HttpResponseMessage> PostUpdate(HttpClient http, long updateId, string? secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook")
        {
            Content = new StringContent($"{{\"update_id\":{updateId}}}", Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }

        return http.SendAsync(request);
    }

    private static string? Header(HttpResponseMessage answer, string name) =>
        answer.Headers.TryGetValues(name, out var values) || answer.Content.Headers.TryGetValues(name, out values) ? string.Join(", ", values) : null;
}
