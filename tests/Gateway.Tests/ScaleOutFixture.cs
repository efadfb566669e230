using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Poker.ServiceDefaults;
using Orleans.Poker.Gateway.Contracts;
using Orleans.Poker.ServiceDefaults.Configuration;

namespace Orleans.Poker.Gateway.Tests;

/// <summary>
/// The production topology on loopback: one real silo process (Redis clustering, PostgreSQL storage in a throwaway
/// database, no co-hosted gateway) and two standalone gateways in this process, each on its own Kestrel port with
/// its own Orleans cluster client (over TCP to the silo, found through Redis) and the Redis SignalR backplane. The
/// gateways are started first and wait for the silo to join.
/// </summary>
public sealed class ScaleOutFixture : IAsyncLifetime
{
    /// <summary>The signing key both gateways share, as production requires.</summary>
    private const string JwtKey = "scale-out-test-signing-key-0123456789abcdef";

    private TestDatabase? database;
    private SiloProcess? silo;

    public IReadOnlyList<WebApplication> Gateways { get; private set; } = [];

    public IReadOnlyList<Uri> Urls { get; private set; } = [];

    /// <summary>The first gateway's cluster client (to create templates and read tables directly).</summary>
    public IClusterClient Cluster => Gateways[0].Services.GetRequiredService<IClusterClient>();

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateMigratedAsync();
        var settings = SiloSettings.Fresh(database.ConnectionString);
        var ports = new[] { ServerProcesses.FreePort(), ServerProcesses.FreePort() };

        // The gateways start before the silo, as they may in a deployment: their cluster clients find no silo in
        // Redis and keep trying (ClusterConnectRetryFilter) until it has joined.
        var gateways = ports.Select(port => BuildGateway(settings, port)).ToList();
        var starts = gateways.Select(gateway => gateway.App.StartAsync()).ToList();
        foreach (var (gateway, start) in gateways.Zip(starts))
        {
            var first = await Task.WhenAny(gateway.Retrying.Seen.Task, start).WaitAsync(TimeSpan.FromMinutes(1));
            Assert.True(first != start, $"a gateway started before its silo did not wait for it: {start.Exception?.GetBaseException().Message}");
        }

        silo = await SiloProcess.StartAsync(settings, "scale-out");
        await Task.WhenAll(starts);
        Gateways = [.. gateways.Select(gateway => gateway.App)];
        Urls = [.. ports.Select(port => new Uri($"http://127.0.0.1:{port}"))];
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        foreach (var url in Urls)
        {
            var ready = await http.GetAsync(new Uri(url, "/health/ready"));
            Assert.True(ready.IsSuccessStatusCode, $"gateway {url} is not ready: {(int)ready.StatusCode}");
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var gateway in Gateways)
        {
            await gateway.StopAsync();
            await gateway.DisposeAsync();
        }

        silo?.Dispose();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    public static HttpClient Http(Uri url, string? accessToken = null)
    {
        var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(30) };
        if (accessToken is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return http;
    }

    public static async Task<AuthResponse> SignInGuest(Uri url, string name)
    {
        using var http = Http(url);
        var response = await http.PostAsJsonAsync("/api/auth/guest", new { name });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<AuthResponse>(GatewayFixture.Json))!;
    }

    private static (WebApplication App, RetryLogged Retrying) BuildGateway(SiloSettings settings, int port)
    {
        var options = new PokerOptions
        {
            Cluster = new ClusterSettings { Redis = settings.Redis, ClusterId = settings.ClusterId, ServiceId = settings.ServiceId },
            Http = new HttpSettings { Host = "127.0.0.1", Port = port },
            Auth = new AuthSettings { BotToken = GatewayFixture.BotToken, JwtKey = JwtKey, GuestSignIn = true },
            Gateway = new GatewaySettings { RequestsPerSecond = 1000, RequestBurst = 5000, HubCallsPerSecond = 1000, HubCallBurst = 5000 },
        };
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        var retrying = new RetryLogged();
        builder.Logging.AddProvider(retrying);
        builder.AddStandaloneGateway(options);
        var app = builder.Build();
        app.MapStandaloneGateway();
        return (app, retrying);
    }

    /// <summary>Completes when the cluster client logs its first retry of a failed connection.</summary>
    private sealed class RetryLogged : ILoggerProvider, ILogger
    {
        public TaskCompletionSource Seen { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public ILogger CreateLogger(string categoryName) =>
            categoryName == typeof(ClusterConnectRetryFilter).FullName ? this : NullLogger.Instance;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Seen.TrySetResult();

        public bool IsEnabled(LogLevel logLevel) => true;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public void Dispose()
        {
        }
    }
}
