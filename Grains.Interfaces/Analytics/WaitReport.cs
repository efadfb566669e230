namespace Orleans.Poker.Grains.Interfaces.Analytics;

/// <summary>The waits and seat times of a range: each table with a join or a seat taken in it (by table id), and the room.</summary>
[GenerateSerializer, Immutable, Alias("poker.wait-report.v1")]
public sealed record WaitReport(
    [property: Id(0)] DateTimeOffset From,
    [property: Id(1)] DateTimeOffset To,
    [property: Id(2)] IReadOnlyList<WaitStats> Tables,
    [property: Id(3)] WaitStats Room);
