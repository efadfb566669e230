namespace Orleans.Poker.Grains.Interfaces.Analytics;

/// <summary>A table's recent activity for its lobby card: hands that ended in the last hour, their average pot, and when the last one ended.</summary>
[GenerateSerializer, Immutable, Alias("poker.table-activity.v1")]
public sealed record TableActivity(
    [property: Id(0)] string TableId,
    [property: Id(1)] int HandsLastHour,
    [property: Id(2)] long AveragePot,
    [property: Id(3)] DateTimeOffset LastHandAt);
