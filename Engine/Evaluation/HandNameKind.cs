namespace Orleans.Poker.Engine.Evaluation;

/// <summary>
/// What a hand value is called, before it is put into words in some language. The first nine have the values of
/// the evaluator's internal <see cref="HandCategory"/> (a made hand's name is its category).
/// </summary>
public enum HandNameKind
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
    RoyalFlush,

    /// <summary>An unpaired low hand; its ranks are all its cards, highest first ("7-5-4-3-2").</summary>
    Low,

    /// <summary>A badugi; its ranks are its cards, highest first, as many as it has.</summary>
    Badugi,

    /// <summary>No hand qualifies for the eight-or-better low.</summary>
    NoLow,
}
