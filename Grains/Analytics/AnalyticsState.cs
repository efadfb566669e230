namespace Orleans.Poker.Grains.Analytics;

/// <summary>What the analytics grain has done: the start of the first hour it has not computed yet.</summary>
[GenerateSerializer, Alias("poker.analytics-state.v1")]
public sealed class AnalyticsState
{
    [Id(0)] public DateTimeOffset? NextHour { get; set; }
}
