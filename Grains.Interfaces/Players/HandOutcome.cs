namespace Orleans.Poker.Grains.Interfaces.Players;

/// <summary>
/// One finished hand from one player's point of view, for their statistics. A sit-and-go's hand (<see cref="Tournament"/>)
/// counts as played and won, but its chips are the tournament's, not money: it adds nothing to the net or the biggest pot.
/// </summary>
[GenerateSerializer, Immutable, Alias("poker.hand-outcome.v1")]
public sealed record HandOutcome(
    [property: Id(0)] string TableId,
    [property: Id(1)] long HandNo,
    [property: Id(2)] long Net,
    [property: Id(3)] long Won,
    [property: Id(4)] bool VoluntarilyPutIn,
    [property: Id(5)] bool SawShowdown,
    [property: Id(6)] bool Tournament = false);
