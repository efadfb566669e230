using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Analytics;

namespace Orleans.Poker.Grains.Analytics;

/// <summary>Starts the analytics grain's reminder once the silo is active (every silo; starting is idempotent).</summary>
public static class AnalyticsScheduling
{
    /// <summary>A failure is a warning: another silo's start (or the next one) registers it, and the reminder itself is durable.</summary>
    public static ISiloBuilder AddPokerAnalytics(this ISiloBuilder silo) =>
        silo.WhenActive("Starting the analytics reminder", typeof(AnalyticsScheduling), LogLevel.Warning,
            (grains, _, _) => grains.GetGrain<IAnalyticsGrain>(IAnalyticsGrain.Key).Start());
}
