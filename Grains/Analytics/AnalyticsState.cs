namespace Orleans.Poker.Grains.Analytics;

/// <summary>
/// What the analytics grain has done: the first hour not computed yet, the last snapshot, the last clean-up, and each
/// open table's timeout count at the last snapshot (the next snapshot's timeouts are the count since).
/// </summary>
[GenerateSerializer, Alias("poker.analytics-state.v1")]
public sealed class AnalyticsState
{
    [Id(0)] public DateTimeOffset? NextHour { get; set; }

    [Id(1)] public DateTimeOffset? LastSnapshotAt { get; set; }

    [Id(2)] public DateTimeOffset? LastRetentionAt { get; set; }

    /// <summary>
    /// <see cref="Interfaces.Tables.TableSummary.Timeouts"/> of each table in the last snapshot. A table missing here
    /// opened since (or was never counted: the count is newer than the table), so its whole count is new.
    /// </summary>
    [Id(3)] public Dictionary<string, long> Timeouts { get; set; } = [];
}
