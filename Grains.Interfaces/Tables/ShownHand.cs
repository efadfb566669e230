namespace Orleans.Poker.Grains.Interfaces.Tables;

/// <summary>
/// A shown hand's value as data, for clients to put into words in their player's language. <see cref="Kind"/> is
/// <c>high_card pair two_pair three_of_a_kind straight flush full_house four_of_a_kind straight_flush royal_flush low
/// badugi no_low</c>; <see cref="Ranks"/> are rank symbols (<c>23456789TJQKA</c>): the top rank of a high card,
/// straight or flush, the ranks of a pair, two pair ("Q9") or full house ("KQ"), every card of a low or a badugi.
/// </summary>
[GenerateSerializer, Immutable, Alias("poker.shown-hand.v1")]
public sealed record ShownHand([property: Id(0)] string Kind, [property: Id(1)] string Ranks);
