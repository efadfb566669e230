namespace Orleans.Poker.Grains.Interfaces.Operations;

/// <summary>One process and its samples of the window, oldest first; <see cref="LastSeen"/> is when its last sample arrived.</summary>
[GenerateSerializer, Immutable, Alias("poker.operations-series.v1")]
public sealed record ProcessSeries
{
    [Id(0)] public OperationsProcess Process { get; init; } = new();

    [Id(1)] public DateTimeOffset LastSeen { get; init; }

    [Id(2)] public IReadOnlyList<OperationsSample> Samples { get; init; } = [];
}
