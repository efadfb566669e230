namespace Orleans.Poker.Grains.Interfaces.Tables;

/// <summary>
/// A host's view of their table's settings: those of the hand in play (<see cref="Current"/>), those stored for the
/// next hand (<see cref="Next"/>, null when nothing changes), and the limits a change must keep (from the template).
/// <see cref="BlindsChangeable"/> is false in fixed-limit and stud games, whose blinds go with their bets.
/// </summary>
[GenerateSerializer, Immutable, Alias("poker.host-settings.v1")]
public sealed record HostSettings(
    [property: Id(0)] TableSettings Current,
    [property: Id(1)] TableSettings? Next,
    [property: Id(2)] bool BlindsChangeable,
    [property: Id(3)] long MinBigBlind,
    [property: Id(4)] long MaxBigBlind,
    [property: Id(5)] TimeSpan MinTurnTime,
    [property: Id(6)] TimeSpan MaxTurnTime);
