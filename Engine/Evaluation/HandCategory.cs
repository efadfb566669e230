namespace Orleans.Poker.Engine.Evaluation;

/// <summary>The category of a five-card hand as in standard poker (the strength order depends on the ranking).</summary>
internal enum HandCategory
{
    HighCard = 1,
    Pair,
    TwoPair,
    ThreeOfAKind,
    Straight,
    Flush,
    FullHouse,
    FourOfAKind,
    StraightFlush,
}
