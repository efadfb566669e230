namespace Orleans.Poker.Grains.Analytics;

/// <summary>What the analytics grain has done: the first hour not computed yet, the last snapshot, the last clean-up.</summary>
[GenerateSerializer, Alias("poker.analytics-state.v1")]
public sealed class AnalyticsState
{
    [Id(0)] public DateTimeOffset? NextHour { get; set; }

    [Id(1)] public DateTimeOffset? LastSnapshotAt { get; set; }

    [Id(2)] public DateTimeOffset? LastRetentionAt { get; set; }
}
