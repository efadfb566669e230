using Microsoft.Extensions.DependencyInjection;
using Orleans.Poker.Grains.Analytics;
using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Storage;
using Orleans.Poker.Grains.Telemetry;
using Orleans.Poker.Grains.Tests.Storage;

namespace Orleans.Poker.Grains.Tests.Admin;

/// <summary>
/// The analytics grain's insights on a silo with the PostgreSQL stores and a fake clock: stored once while the condition
/// holds, resolved when it clears, stored again when it returns; listed, acknowledged and leased to one bot at a time.
/// </summary>
public sealed class InsightTests(PostgresClusterFixture cluster) : IClassFixture<PostgresClusterFixture>
{
    private IServiceProvider Silo => cluster.Cluster.Silos[0].ServiceProvider;

    private IInsightsGrain Insights => cluster.Grains.GetGrain<IInsightsGrain>(IInsightsGrain.Key);

    [Fact]
    public async Task Storage_failures_raise_one_insight_while_they_go_on_and_another_after_they_stopped_and_came_back()
    {
        var metrics = Silo.GetRequiredService<StorageMetrics>();
        var query = new InsightQuery(Kind: InsightRules.StorageErrors);

        await Tick();
        Fail(metrics, 6);
        await Tick();
        var first = await Insights.Search(query);
        Fail(metrics, 5);
        await Tick();
        var holding = await Insights.Search(query);
        await Tick();
        var cleared = await Insights.Search(query);
        Fail(metrics, 7);
        await Tick();
        var returned = await Insights.Search(query);

        var insight = Assert.Single(first);
        Assert.Equal((InsightSeverity.Critical, "storage_errors:room", 6.0), (insight.Severity, insight.ConditionKey, insight.Details["failures"]));
        Assert.Equal(insight.Id, Assert.Single(holding).Id);
        Assert.False(Assert.Single(cleared).Open);
        Assert.Equal(2, returned.Count);
        Assert.True(returned[0].Open);
        Assert.Equal(7.0, returned[0].Details["failures"]);
        Assert.Equal(insight.Id, returned[1].Id);
    }

    [Fact]
    public async Task A_batch_for_the_admins_chat_is_leased_to_one_bot_and_delivered_once()
    {
        var store = Silo.GetRequiredService<IInsightStore>();
        var kind = $"test_{Guid.NewGuid():N}";
        var now = cluster.Time.GetUtcNow();
        var stored = await store.OpenAsync(
        [
            new InsightCondition(kind, InsightSeverity.Warning, $"{kind}:a", null, null, "a warning", new Dictionary<string, double>()),
            new InsightCondition(kind, InsightSeverity.Info, $"{kind}:b", null, null, "an info", new Dictionary<string, double>()),
        ], now);

        var claimed = (await Insights.ClaimForChat("bot-a", 10)).Where(i => i.Kind == kind).ToList();
        var other = await Insights.ClaimForChat("bot-b", 10);
        await Insights.ConfirmChat("bot-a", claimed.Select(i => i.Id).ToList());
        var afterConfirm = (await Insights.ClaimForChat("bot-b", 10)).Where(i => i.Kind == kind);

        Assert.Equal([stored[0].Id], claimed.Select(i => i.Id));
        Assert.Empty(other);
        Assert.Empty(afterConfirm);
    }

    [Fact]
    public async Task An_admin_acknowledges_an_insight_once_and_an_unknown_one_is_not_found()
    {
        var store = Silo.GetRequiredService<IInsightStore>();
        var kind = $"test_{Guid.NewGuid():N}";
        var stored = Assert.Single(await store.OpenAsync(
            [new InsightCondition(kind, InsightSeverity.Warning, $"{kind}:room", null, null, "a warning", new Dictionary<string, double>())], cluster.Time.GetUtcNow()));

        var acknowledged = await Insights.Acknowledge(stored.Id, 77);
        var again = await Insights.Acknowledge(stored.Id, 78);
        var unknown = await Assert.ThrowsAsync<PokerException>(() => Insights.Acknowledge(long.MaxValue, 77));
        var badPage = await Assert.ThrowsAsync<PokerException>(() => Insights.Search(new InsightQuery(Take: 0)));

        Assert.Equal(77, acknowledged.AcknowledgedBy);
        Assert.Equal(77, again.AcknowledgedBy);
        Assert.Equal((404, "not_found"), (unknown.Status, unknown.Code));
        Assert.Equal(400, badPage.Status);
    }

    private async Task Tick()
    {
        cluster.Time.Advance(TimeSpan.FromMinutes(1));
        var analytics = cluster.Grains.GetGrain<IAnalyticsGrain>(IAnalyticsGrain.Key);
        await cluster.Grains.GetGrain<IRemindable>(analytics.GetGrainId()).ReceiveReminder("analytics", default);
    }

    private static void Fail(StorageMetrics metrics, int times)
    {
        for (var i = 0; i < times; i++)
        {
            metrics.GrainCallFailed();
        }
    }
}
