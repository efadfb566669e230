using System.Net.Http.Headers;
using System.Net.Http.Json;
using Orleans.Poker.Gateway.Contracts;

namespace Orleans.Poker.Gateway.Tests;

/// <summary>
/// A real silo process on the embedded default (in-memory storage, the gateway co-hosted on its public port) with a
/// management port: nothing else plays there, so every figure it exposes comes from the test using it.
/// </summary>
public sealed class MetricsSiloFixture : IAsyncLifetime
{
    private SiloProcess? silo;

    public Uri Public => new($"http://127.0.0.1:{silo!.HttpPort}");

    public Uri Management => new($"http://127.0.0.1:{silo!.MetricsPort}");

    public string RecentOutput => silo?.RecentOutput ?? "";

    public async Task InitializeAsync()
    {
        // Free ports are picked before the process binds them: another test may take one first, so try again then.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                silo = await Start();
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
        }
    }

    private static Task<SiloProcess> Start()
    {
        var id = Guid.NewGuid().ToString("N")[..12];
        return SiloProcess.StartAsync(new SiloSettings("", "", $"metrics-{id}", $"metrics-{id}"), "metrics", environment: new Dictionary<string, string>
        {
            ["POKER__Telemetry__MetricsPort"] = ServerProcesses.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture),
            // Embedded default: no Redis, no PostgreSQL, the gateway co-hosted.
            ["POKER__Cluster__Redis"] = "",
            ["POKER__Storage__Postgres"] = "",
            ["POKER__Auth__BotToken"] = GatewayFixture.BotToken,
            ["POKER__Auth__AdminTelegramIds"] = GatewayFixture.AdminTelegramId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["POKER__Auth__GuestSignIn"] = "true",
            ["POKER__Gateway__HubCallsPerSecond"] = "1000",
            ["POKER__Gateway__HubCallBurst"] = "5000",
            // The operations page's samples every second rather than every 10 s.
            ["POKER__Telemetry__OperationsInterval"] = "00:00:01",
        });
    }

    public Task DisposeAsync()
    {
        silo?.Dispose();
        return Task.CompletedTask;
    }

    public HttpClient Http(string? accessToken = null)
    {
        var http = new HttpClient { BaseAddress = Public, Timeout = TimeSpan.FromSeconds(30) };
        if (accessToken is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return http;
    }

    public async Task<AuthResponse> SignIn(long telegramId, string name)
    {
        using var http = Http();
        var response = await http.PostAsJsonAsync("/api/auth/telegram", new { initData = GatewayFixture.InitData(telegramId, name) });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<AuthResponse>(GatewayFixture.Json))!;
    }

    /// <summary>Scrapes the management port (anonymous).</summary>
    public async Task<PrometheusText> ScrapeManagement()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        return new PrometheusText(await http.GetStringAsync(new Uri(Management, "/metrics")));
    }

    /// <summary>Scrapes the public port with <paramref name="accessToken"/> (an admin's).</summary>
    public async Task<PrometheusText> ScrapePublic(string accessToken)
    {
        using var http = Http(accessToken);
        return new PrometheusText(await http.GetStringAsync("/metrics"));
    }
}
