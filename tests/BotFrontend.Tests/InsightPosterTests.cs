using Microsoft.Extensions.DependencyInjection;
using Orleans.Poker.BotFrontend.Alerts;
using Orleans.Poker.Grains.Analytics;
using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.BotFrontend.Tests;

/// <summary>The room's insights reach the admins' chat through the bot (against the fake Bot API): warnings once, batched; no info.</summary>
[Collection(BotCollection.Name)]
public sealed class InsightPosterTests(BotFixture bot)
{
    [Fact]
    public async Task A_warning_reaches_the_admin_chat_once_and_an_info_not_at_all()
    {
        bot.Api.Opened(BotFixture.AdminId);
        var store = bot.Cluster.Silos[0].ServiceProvider.GetRequiredService<IInsightStore>();
        var kind = $"test_{Guid.NewGuid():N}";
        var (warning, critical, info) = ($"{kind} warns", $"{kind} is critical", $"{kind} informs");
        var before = bot.Api.LastIndex;
        await store.OpenAsync(
        [
            new InsightCondition(kind, InsightSeverity.Warning, $"{kind}:a", null, null, warning, new Dictionary<string, double>()),
            new InsightCondition(kind, InsightSeverity.Info, $"{kind}:b", null, null, info, new Dictionary<string, double>()),
            new InsightCondition(kind, InsightSeverity.Critical, $"{kind}:c", null, null, critical, new Dictionary<string, double>()),
        ], bot.Time.GetUtcNow());
        var poster = bot.Bot.Services.GetRequiredService<InsightPoster>();

        await poster.PostPending(CancellationToken.None);
        var posted = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == BotFixture.AdminId && r.Text.Contains(warning, StringComparison.Ordinal), before);
        var again = await poster.PostPending(CancellationToken.None);

        Assert.StartsWith("📊 Insights (2)", posted.Text, StringComparison.Ordinal);
        Assert.Contains($"🚨 [critical] {kind}", posted.Text, StringComparison.Ordinal);
        Assert.Contains(critical, posted.Text, StringComparison.Ordinal);
        Assert.Equal(0, again);
        Assert.Single(bot.Api.Requests, r => r.Index > before && r.Method == "sendMessage" && r.Text.Contains(kind, StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Api.Requests, r => r.Index > before && r.Text.Contains(info, StringComparison.Ordinal));
    }
}
