namespace Orleans.Poker.Grains.Interfaces.Operations;

/// <summary>
/// What one process measured over one reporting interval ending at <see cref="At"/>: open connections at the end,
/// rates per second over the interval, and latency percentiles (seconds; null when nothing was measured).
/// </summary>
[GenerateSerializer, Immutable, Alias("poker.operations-sample.v1")]
public sealed record OperationsSample
{
    /// <summary>End of the interval (the reporting process's clock).</summary>
    [Id(0)] public DateTimeOffset At { get; init; }

    [Id(1)] public double IntervalSeconds { get; init; }

    /// <summary>Open SignalR connections of the process's gateway at <see cref="At"/>.</summary>
    [Id(2)] public long Connections { get; init; }

    /// <summary>Action calls handled by the tables of this process (accepted, refused or failed), per second.</summary>
    [Id(3)] public double ActionsPerSecond { get; init; }

    /// <summary>Errors per second: failed table actions, storage failures, 5xx answers, failed bot updates.</summary>
    [Id(4)] public double ErrorsPerSecond { get; init; }

    /// <summary>Median time of an action call in the table grain.</summary>
    [Id(5)] public double? ActionP50 { get; init; }

    [Id(6)] public double? ActionP99 { get; init; }

    /// <summary>Median time from a table event reaching the gateway to its send to the last local viewer completing.</summary>
    [Id(7)] public double? DeliveryP50 { get; init; }

    [Id(8)] public double? DeliveryP99 { get; init; }

    /// <summary>Telegram updates the bot handled to the end, per second.</summary>
    [Id(9)] public double UpdatesPerSecond { get; init; }

    /// <summary>Telegram updates whose handling failed, per second.</summary>
    [Id(10)] public double UpdatesFailedPerSecond { get; init; }
}
