namespace Orleans.Poker.Grains.Interfaces.Analytics;

/// <summary>
/// Consecutive play at one table: its hands no more than 30 minutes apart (a longer gap starts a new session; play at
/// two tables at once is two sessions). Times are the ends of its first and last hands.
/// </summary>
[GenerateSerializer, Immutable, Alias("poker.play-session.v1")]
public sealed record PlaySession(
    [property: Id(0)] string TableId,
    [property: Id(1)] string Variant,
    [property: Id(2)] DateTimeOffset StartedAt,
    [property: Id(3)] DateTimeOffset EndedAt,
    [property: Id(4)] int Hands,
    [property: Id(5)] long Net);
