using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Poker.Grains.Analytics;
using Orleans.Poker.Grains.Bot;
using Orleans.Poker.Grains.Players;
using Orleans.Poker.Silo.Hosting;

namespace Orleans.Poker.BotFrontend.Tests;

/// <summary>The silo's binding of <c>POKER__Players__*</c>, <c>POKER__Referral__*</c> and <c>POKER__Analytics__*</c> (what the silo checks on start).</summary>
public sealed class GrainOptionsTests
{
    [Fact]
    public void Unset_keys_keep_the_defaults_and_set_ones_are_bound()
    {
        using var services = Build(new()
        {
            ["POKER:Players:TopUpInterval"] = "12:00:00",
            ["POKER:Players:RememberedTransfers"] = "50",
            ["POKER:Referral:NewPlayerWindow"] = "1.00:00:00",
            ["POKER:Referral:NewPlayerBonus"] = "0",
            ["POKER:Analytics:SnapshotInterval"] = "00:15:00",
        });

        services.GetRequiredService<IStartupValidator>().Validate();
        var players = services.GetRequiredService<IOptions<PlayerOptions>>().Value;
        var referral = services.GetRequiredService<IOptions<ReferralOptions>>().Value;

        Assert.Equal((10_000L, TimeSpan.FromHours(12), 50), (players.StartingBalance, players.TopUpInterval, players.RememberedTransfers));
        Assert.Equal((1_000L, 0L, TimeSpan.FromDays(1)), (referral.ReferrerBonus, referral.NewPlayerBonus, referral.NewPlayerWindow));
        var analytics = services.GetRequiredService<IOptions<AnalyticsOptions>>().Value;
        Assert.Equal((TimeSpan.FromMinutes(15), TimeSpan.FromDays(30)), (analytics.SnapshotInterval, analytics.SnapshotRetention));
    }

    [Theory]
    [InlineData("POKER:Players:StartingBalance", "0")]
    [InlineData("POKER:Players:TopUpInterval", "-01:00:00")]
    [InlineData("POKER:Players:RememberedTransfers", "0")]
    [InlineData("POKER:Referral:ReferrerBonus", "-1")]
    [InlineData("POKER:Referral:NewPlayerBonus", "-500")]
    [InlineData("POKER:Referral:NewPlayerWindow", "00:00:00")]
    [InlineData("POKER:Analytics:SnapshotInterval", "00:00:10")]
    [InlineData("POKER:Analytics:SnapshotRetention", "01:00:00")]
    [InlineData("POKER:Analytics:InsightWebhookUrl", "ftp://hooks.example/insights")]
    [InlineData("POKER:Analytics:Insights:TrafficSpikeRatio", "0.9")]
    [InlineData("POKER:Analytics:Insights:TrafficDropRatio", "1")]
    [InlineData("POKER:Analytics:Insights:WaitlistSurge", "0")]
    [InlineData("POKER:Analytics:Insights:IdleTableAfter", "00:00:30")]
    [InlineData("POKER:Analytics:Insights:StorageErrors", "-3")]
    [InlineData("POKER:Analytics:Insights:ResultsWindow", "00:30:00")]
    [InlineData("POKER:Analytics:Insights:ResultsRefresh", "00:00:05")]
    [InlineData("POKER:Analytics:Insights:WinRateMinimumHands", "0")]
    [InlineData("POKER:Analytics:Insights:WinRateBigBlindsPer100", "-10")]
    [InlineData("POKER:Analytics:Insights:ChipFlowMinimumHands", "0")]
    [InlineData("POKER:Analytics:Insights:ChipFlowBigBlinds", "0")]
    [InlineData("POKER:Analytics:Insights:ChipFlowReverseShare", "1.5")]
    [InlineData("POKER:Analytics:Insights:TimeoutSurge", "0")]
    [InlineData("POKER:Analytics:Insights:TimeoutSurgeRoom", "-1")]
    [InlineData("POKER:Analytics:Insights:TimeoutRatio", "0")]
    [InlineData("POKER:Analytics:HistoryFlushInterval", "00:00:00")]
    [InlineData("POKER:Analytics:HistoryFlushInterval", "00:05:00")]
    [InlineData("POKER:Analytics:HistoryBatchSize", "0")]
    [InlineData("POKER:Analytics:HistoryBufferLimit", "10")]
    public void A_setting_that_makes_no_sense_stops_the_start(string key, string value)
    {
        using var services = Build(new() { [key] = value });

        var refused = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        var section = key.Split(':')[1];
        Assert.Contains($"POKER__{section}__", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Insight_thresholds_are_bound_and_an_out_of_range_one_is_refused_by_its_name()
    {
        using var good = Build(new() { ["POKER:Analytics:Insights:WaitlistSurge"] = "8", ["POKER:Analytics:InsightWebhookUrl"] = "https://hooks.example/poker" });
        using var bad = Build(new() { ["POKER:Analytics:Insights:TrafficMinimumHands"] = "0" });

        good.GetRequiredService<IStartupValidator>().Validate();
        var refused = Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<IStartupValidator>().Validate());

        var insights = good.GetRequiredService<IOptions<InsightOptions>>().Value;
        Assert.Equal((8, 100), (insights.WaitlistSurge, insights.TrafficMinimumHands));
        Assert.Equal(new Uri("https://hooks.example/poker"), good.GetRequiredService<IOptions<AnalyticsOptions>>().Value.InsightWebhook());
        Assert.Contains("POKER__Analytics__Insights__TrafficMinimumHands must be at least 1 (was 0)", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("WaitlistSurge", "five")]
    [InlineData("WinRateBigBlindsPer100", "fifty")]
    [InlineData("ChipFlowReverseShare", "20%")]
    [InlineData("ResultsWindow", "a week")]
    [InlineData("TimeoutSurge", "2.5")]
    public void A_malformed_threshold_stops_the_start_naming_the_setting(string setting, string value)
    {
        using var services = Build(new() { [$"POKER:Analytics:Insights:{setting}"] = value });

        var refused = Assert.Throws<InvalidOperationException>(() => services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains($"POKER:Analytics:Insights:{setting}", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_player_and_timeout_thresholds_are_bound()
    {
        using var services = Build(new()
        {
            ["POKER:Analytics:Insights:ResultsWindow"] = "3.00:00:00",
            ["POKER:Analytics:Insights:WinRateBigBlindsPer100"] = "35.5",
            ["POKER:Analytics:Insights:ChipFlowReverseShare"] = "0.1",
            ["POKER:Analytics:Insights:TimeoutSurgeRoom"] = "250",
        });

        services.GetRequiredService<IStartupValidator>().Validate();
        var insights = services.GetRequiredService<IOptions<InsightOptions>>().Value;

        Assert.Equal((TimeSpan.FromDays(3), 35.5, 0.1, 250), (insights.ResultsWindow, insights.WinRateBigBlindsPer100, insights.ChipFlowReverseShare, insights.TimeoutSurgeRoom));
        Assert.Equal((1000, 20, 200.0, 20, 0.25), (insights.WinRateMinimumHands, insights.ChipFlowMinimumHands, insights.ChipFlowBigBlinds, insights.TimeoutSurge, insights.TimeoutRatio));
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddPokerGrainOptions(configuration).BuildServiceProvider();
    }
}
