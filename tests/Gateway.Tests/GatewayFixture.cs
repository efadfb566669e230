using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using Orleans.Poker.Gateway.Auth;
using Orleans.Poker.Gateway.Contracts;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.ServiceDefaults.Configuration;
using Orleans.TestingHost;

namespace Orleans.Poker.Gateway.Tests;

/// <summary>
/// An in-process silo (<see cref="TestSilo"/>: memory storage, in-memory stores, a <see cref="FakeTimeProvider"/> for the grains) and the
/// gateway co-hosted on a <see cref="TestServer"/> as on the embedded default, using the cluster's client.
/// </summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    public const string BotToken = "123456:test-bot-token";
    public const long AdminTelegramId = 777_000_001;

    private static long nextTelegramId = 500_000_000;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>The grains' clock (turn clocks, robots, pauses between hands); advance it instead of sleeping.</summary>
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public WebApplication App { get; private set; } = null!;

    public TestServer Server { get; private set; } = null!;

    public PokerOptions Options { get; } = new()
    {
        Auth = new AuthSettings { BotToken = BotToken, AdminTelegramIds = AdminTelegramId.ToString(System.Globalization.CultureInfo.InvariantCulture), GuestSignIn = true },
        Gateway = new GatewaySettings { RequestsPerSecond = 1000, RequestBurst = 5000, HubCallsPerSecond = 1000, HubCallBurst = 5000 },
    };

    public static long NewTelegramId() => Interlocked.Increment(ref nextTelegramId);

    /// <summary>The silo's audit store, which a test can make fail.</summary>
    public FaultyAuditStore Audit { get; } = new();

    public async Task InitializeAsync()
    {
        Cluster = TestSilo.Build(Time, builder => builder.ConfigureSilo((_, silo) => silo.Services.AddSingleton<Orleans.Poker.Grains.Storage.IAuditStore>(Audit)));
        await Cluster.DeployAsync();
        App = await StartGateway(Cluster.Client, Options);
        Server = App.GetTestServer();
    }

    /// <summary>
    /// A gateway host on a test server that reaches the cluster through <paramref name="client"/>;
    /// <paramref name="configure"/> adds to the host first (its logging, say).
    /// </summary>
    public static async Task<WebApplication> StartGateway(IClusterClient client, PokerOptions options, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Development });
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton(client);
        builder.Services.AddSingleton<IGrainFactory>(client);
        configure?.Invoke(builder);
        builder.AddPokerGateway(options);
        var app = builder.Build();
        app.MapPokerGateway();
        await app.StartAsync();
        return app;
    }

    /// <summary>
    /// A second gateway on the same cluster (the same sign-in settings) whose SignalR backplane is a Redis that does not
    /// answer (a closed port): every hub send fails, as with Redis down.
    /// </summary>
    public Task<WebApplication> StartGatewayWithRedisDown(Action<WebApplicationBuilder>? configure = null) =>
        StartGateway(Cluster.Client, new PokerOptions
        {
            Auth = Options.Auth,
            Gateway = Options.Gateway,
            Cluster = new ClusterSettings { Redis = $"127.0.0.1:{ClosedPort()},abortConnect=false,connectTimeout=500,connectRetry=0,asyncTimeout=500,syncTimeout=500" },
        }, configure);

    /// <summary>A loopback port nothing listens on (it was free a moment ago).</summary>
    private static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.StopAsync();
            await App.DisposeAsync();
        }

        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }

    /// <summary>An anonymous HTTP client.</summary>
    public HttpClient Http(string? accessToken = null)
    {
        var http = Server.CreateClient();
        if (accessToken is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return http;
    }

    /// <summary>initData signed with the test bot token for a Telegram user.</summary>
    public static string InitData(long telegramId, string firstName, DateTimeOffset? authDate = null, string? token = null) =>
        TelegramInitDataValidator.Sign(token ?? BotToken, new Dictionary<string, string>
        {
            ["query_id"] = "AAH" + telegramId,
            ["user"] = JsonSerializer.Serialize(new { id = telegramId, first_name = firstName, username = "u" + telegramId, language_code = "en" }),
            ["auth_date"] = (authDate ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

    public async Task<AuthResponse> SignInTelegram(long telegramId, string name = "Tg")
    {
        using var http = Http();
        var response = await http.PostAsJsonAsync("/api/auth/telegram", new { initData = InitData(telegramId, name) });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<AuthResponse>(Json))!;
    }

    public Task<AuthResponse> SignInAdmin() => SignInTelegram(AdminTelegramId, "Admin");

    public async Task<AuthResponse> SignInGuest(string name = "Guest")
    {
        using var http = Http();
        var response = await http.PostAsJsonAsync("/api/auth/guest", new { name });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<AuthResponse>(Json))!;
    }

    /// <summary>A template with a unique id.</summary>
    public async Task<string> NewTemplate(Func<TemplateConfig, TemplateConfig>? change = null) => await NewTemplate(Grains, change);

    /// <summary>A template with a unique id, created through <paramref name="grains"/>: <see cref="Holdem"/>.</summary>
    public static async Task<string> NewTemplate(IGrainFactory grains, Func<TemplateConfig, TemplateConfig>? change = null)
    {
        var config = Holdem();
        var id = $"gw-{Guid.NewGuid():N}"[..20];
        await grains.GetGrain<ITemplateGrain>(id).Create(change is null ? config : change(config));
        return id;
    }

    /// <summary>The gateway tests' template: 1/2 NLHE, buy-in 40-200, 2 to 6 players, 20 s turns, 1 s between hands.</summary>
    public static TemplateConfig Holdem() => TestTemplates.Holdem("Gateway NLHE", TimeSpan.FromSeconds(1));

    /// <summary>Creates a table through the API as <paramref name="accessToken"/>'s player.</summary>
    public async Task<TableCreatedResponse> CreateTable(string accessToken, string templateId)
    {
        using var http = Http(accessToken);
        var response = await http.PostAsJsonAsync("/api/tables", new { templateId });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TableCreatedResponse>(Json))!;
    }

    public async Task Sit(string accessToken, string tableId, int seat, long buyIn = 100)
    {
        using var http = Http(accessToken);
        var response = await http.PostAsJsonAsync($"/api/tables/{tableId}/sit", new { buyIn, seat });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Advances the grains' clock one second at a time until <paramref name="done"/> holds.</summary>
    public async Task AdvanceUntil(Func<Task<bool>> done, int maxSeconds = 120)
    {
        for (var i = 0; i < maxSeconds; i++)
        {
            if (await done())
            {
                return;
            }

            Time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.True(await done(), $"condition not reached within {maxSeconds} s of grain time");
    }

    public Task<TableSnapshot> PublicSnapshot(string tableId) => Grains.GetGrain<ITableGrain>(tableId).GetSnapshot(null);
}
