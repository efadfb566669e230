using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Poker.Engine.Phh;
using Orleans.Poker.Grains.Analytics;
using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;
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

    [Fact]
    public async Task Chips_dumped_from_one_account_to_another_across_stored_hands_raise_exactly_one_insight()
    {
        var hands = Silo.GetRequiredService<IHandHistoryStore>();
        var options = Silo.GetRequiredService<IOptions<InsightOptions>>().Value;
        var table = $"t-{Guid.NewGuid():N}";
        var template = $"tpl-{Guid.NewGuid():N}";
        await cluster.TableRecords.SaveTemplateVersionAsync(template, 1, new TemplateConfig { Name = "Dump", Variant = "NT", SmallBlind = 1, BigBlind = 2, MinBuyIn = 40, MaxBuyIn = 400 }, true, cluster.Time.GetUtcNow());
        await cluster.TableRecords.UpsertTableAsync(new TableRecord(table, template, 1, null, TableType.Persistent, TableStatus.Active, null, cluster.Time.GetUtcNow(), null, null));
        var (giver, taker) = (Random.Shared.NextInt64(1_000_000_000, 2_000_000_000), Random.Shared.NextInt64(2_000_000_000, 3_000_000_000));
        var start = cluster.Time.GetUtcNow().AddHours(-3);
        // Every hand the giver loses 20 chips (10 big blinds) to the taker: 250 big blinds over 25 hands, none back.
        for (var n = 1; n <= 25; n++)
        {
            var phh = new PhhDocument
            {
                Variant = "NT", Antes = [0, 0], BlindsOrStraddles = [1, 2], MinBet = 2, StartingStacks = [200, 200], FinishingStacks = [180, 220],
            }.ToToml();
            await hands.SaveAsync(new HandRecord(table, n, "NT", start.AddMinutes(n), start.AddMinutes(n).AddSeconds(30), [giver, taker], 40, 0, phh));
        }

        // Past the players' figures another test's evaluation may have kept.
        cluster.Time.Advance(options.ResultsRefresh);
        var query = new InsightQuery(Kind: InsightRules.ChipFlow);
        await Tick();
        // The players have no rows here, so the insights name them in their keys only.
        bool Ours(Insight i) => i.ConditionKey.Contains($"{giver}", StringComparison.Ordinal) || i.ConditionKey.Contains($"{taker}", StringComparison.Ordinal);
        var first = (await Insights.Search(query)).Where(Ours).ToList();
        await Tick();
        cluster.Time.Advance(options.ResultsRefresh);
        await Tick();
        var later = (await Insights.Search(query)).Where(Ours).ToList();
        var others = (await Insights.Search(new InsightQuery(Kind: InsightRules.UnusualWinRate))).Where(Ours);

        var insight = Assert.Single(first);
        Assert.Equal((InsightSeverity.Warning, $"chip_flow:{giver}->{taker}", true), (insight.Severity, insight.ConditionKey, insight.Open));
        Assert.Equal((25.0, 500.0, 250.0, 0.0), (insight.Details["shared_hands"], insight.Details["flow"], insight.Details["flow_big_blinds"], insight.Details["reverse_flow"]));
        Assert.Equal([(insight.Id, true)], later.Select(i => (i.Id, i.Open)));
        Assert.Empty(others);
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
