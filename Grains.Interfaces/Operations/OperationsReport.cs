namespace Orleans.Poker.Grains.Interfaces.Operations;

/// <summary>Every process that reported within the window before <see cref="At"/>, with its samples.</summary>
[GenerateSerializer, Immutable, Alias("poker.operations-report.v1")]
public sealed record OperationsReport
{
    [Id(0)] public DateTimeOffset At { get; init; }

    [Id(1)] public TimeSpan Window { get; init; }

    /// <summary>Silos first, then gateways, then bots; by id within a kind.</summary>
    [Id(2)] public IReadOnlyList<ProcessSeries> Processes { get; init; } = [];
}
