namespace Orleans.Poker.Engine.Rules;

/// <summary>Who opens a betting round (PokerKit <c>Opening</c>).</summary>
public enum Opening
{
    /// <summary>The player after the largest forced bet (or seat 0 when nobody has bet).</summary>
    Position,

    /// <summary>Lowest up card, suits c &lt; d &lt; h &lt; s (stud bring-in).</summary>
    LowCard,

    /// <summary>Highest up card with aces low (razz bring-in).</summary>
    HighCard,

    /// <summary>Lowest up-card hand with aces low (razz later streets).</summary>
    LowHand,

    /// <summary>Highest up-card hand (stud later streets).</summary>
    HighHand,
}
