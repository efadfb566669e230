using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Poker.BotFrontend.Alerts;
using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Poker.Grains.Telemetry;
using Orleans.Poker.ServiceDefaults.Configuration;
using Orleans.TestingHost;

namespace Orleans.Poker.BotFrontend.Tests;

/// <summary>
/// From the rule to the admins' chat, on a silo with the PostgreSQL stores and a fake clock: storage failures raise one
/// critical insight while they go on, which the bot posts to the alert chat once (fake Bot API); after they stop and
/// come back, a second one is posted.
/// </summary>
public sealed class InsightDeliveryTests : IAsyncLifetime
{
    private const long AlertChat = -100_555_000_016;

    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);
    private TestDatabase database = null!;
    private InProcessTestCluster cluster = null!;
    private FakeBotApi api = null!;
    private WebApplication bot = null!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateMigratedAsync();
        var builder = new InProcessTestClusterBuilder(1);
        var connectionString = database.ConnectionString;
        builder.ConfigureSilo((_, silo) => silo.AddTestGrains(time, stores: connectionString, reminders: false));
        cluster = await TestSilo.DeployAsync(builder.Build);
        api = await FakeBotApi.Start();
        var options = new PokerOptions
        {
            Bot = new BotSettings
            {
                Token = "731016:insights",
                WebhookUrl = "https://bot.example/telegram/webhook",
                WebhookSecret = BotFixture.Secret,
                ApiBaseUrl = api.BaseUrl,
                AlertChatIds = AlertChat.ToString(System.Globalization.CultureInfo.InvariantCulture),
                // The test polls itself (PostPending), so that it knows when a poll is over.
                InsightPollInterval = TimeSpan.Zero,
            },
        };
        bot = await BotFixture.StartBot(options, host =>
        {
            host.Services.AddSingleton(cluster.Client);
            host.Services.AddSingleton<IGrainFactory>(cluster.Client);
        });
    }

    public async Task DisposeAsync()
    {
        if (bot is not null)
        {
            await BotFixture.Stop(bot);
        }

        if (api is not null)
        {
            await api.DisposeAsync();
        }

        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_critical_insight_reaches_the_alert_chat_once_while_it_holds_and_again_when_it_returns()
    {
        var metrics = cluster.Silos[0].ServiceProvider.GetRequiredService<StorageMetrics>();
        var poster = bot.Services.GetRequiredService<InsightPoster>();

        await Tick();
        Fail(metrics, 5);
        await Tick();
        var firstPosted = await poster.PostPending(CancellationToken.None);
        Fail(metrics, 8);
        await Tick();
        var whileHolding = await poster.PostPending(CancellationToken.None);
        await Tick();
        Fail(metrics, 6);
        await Tick();
        var afterReturn = await poster.PostPending(CancellationToken.None);

        var messages = api.Requests.Where(r => r.Method == "sendMessage" && r.ChatId == AlertChat).ToList();
        Assert.Equal((1, 0, 1), (firstPosted, whileHolding, afterReturn));
        Assert.Equal(2, messages.Count);
        Assert.Contains("🚨 [critical] storage_errors", messages[0].Text, StringComparison.Ordinal);
        Assert.Contains("5 storage operations failed", messages[0].Text, StringComparison.Ordinal);
        Assert.Contains("6 storage operations failed", messages[1].Text, StringComparison.Ordinal);
        var stored = await cluster.Client.GetGrain<IInsightsGrain>(IInsightsGrain.Key).Search(new InsightQuery(Kind: "storage_errors"));
        Assert.Equal([true, false], stored.Select(i => i.Open));
    }

    private async Task Tick()
    {
        time.Advance(TimeSpan.FromMinutes(1));
        var analytics = cluster.Client.GetGrain<IAnalyticsGrain>(IAnalyticsGrain.Key);
        await cluster.Client.GetGrain<IRemindable>(analytics.GetGrainId()).ReceiveReminder("analytics", default);
    }

    private static void Fail(StorageMetrics metrics, int times)
    {
        for (var i = 0; i < times; i++)
        {
            metrics.GrainCallFailed();
        }
    }
}
