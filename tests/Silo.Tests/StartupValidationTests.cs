using Microsoft.AspNetCore.Hosting;

namespace Orleans.Poker.Silo.Tests;

/// <summary>The silo host refuses to start with an insight threshold that is malformed or out of range, naming the setting.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("POKER:Analytics:Insights:WaitlistSurge", "five", "POKER:Analytics:Insights:WaitlistSurge")]
    [InlineData("POKER:Analytics:Insights:TrafficDropRatio", "1.5", "POKER__Analytics__Insights__TrafficDropRatio")]
    [InlineData("POKER:Analytics:InsightWebhookUrl", "hooks.example/insights", "POKER__Analytics__InsightWebhookUrl")]
    [InlineData("POKER:Analytics:Insights:ChipFlowReverseShare", "1", "POKER__Analytics__Insights__ChipFlowReverseShare")]
    [InlineData("POKER:Analytics:Insights:WinRateBigBlindsPer100", "lots", "POKER:Analytics:Insights:WinRateBigBlindsPer100")]
    public void A_bad_insight_setting_stops_the_start_naming_it(string key, string value, string named)
    {
        using var factory = new SiloFactory().WithWebHostBuilder(builder => builder.UseSetting(key, value));

        var refused = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains(named, Messages(refused), StringComparison.Ordinal);
    }

    private static string Messages(Exception exception) => exception switch
    {
        AggregateException all => string.Join(" | ", all.InnerExceptions.Select(Messages)),
        { InnerException: { } inner } => $"{exception.Message} | {Messages(inner)}",
        _ => exception.Message,
    };
}
