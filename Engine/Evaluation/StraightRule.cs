namespace Orleans.Poker.Engine.Evaluation;

/// <summary>Which five distinct ranks make a straight.</summary>
internal enum StraightRule
{
    /// <summary>Straights do not count (ace-to-five low).</summary>
    None,

    /// <summary>Five consecutive ranks, and the wheel A-2-3-4-5 as the lowest.</summary>
    Standard,

    /// <summary>Five consecutive ranks, and A-6-7-8-9 as the lowest (short deck).</summary>
    ShortDeck,

    /// <summary>Five consecutive ranks only; the ace is high only (deuce-to-seven).</summary>
    AceHighOnly,
}
