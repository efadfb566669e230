namespace Orleans.Poker.Engine.Evaluation;

/// <summary>How hands are compared. Every evaluator returns a value where higher is stronger.</summary>
public enum HandRanking
{
    /// <summary>Standard high hands, best five cards (hold'em, stud, Omaha high).</summary>
    StandardHigh,

    /// <summary>Short-deck (36 cards): flush beats full house, A-6-7-8-9 is the lowest straight.</summary>
    ShortDeckHigh,

    /// <summary>Ace-to-five low qualifying only with five distinct ranks eight or lower (hi/lo games).</summary>
    EightOrBetterLow,

    /// <summary>Ace-to-five low (razz): straights and flushes do not count, aces low, pairs bad.</summary>
    AceToFiveLow,

    /// <summary>Deuce-to-seven low: straights and flushes count against, aces high only.</summary>
    DeuceToSevenLow,

    /// <summary>Badugi: four cards, distinct ranks and suits, aces low.</summary>
    Badugi,
}
