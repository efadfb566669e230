namespace Orleans.Poker.Engine.Rules;

/// <summary>What the hand waits for.</summary>
public enum HandPhase
{
    /// <summary>Dealer actions (hole or board cards) when the hand has no deck.</summary>
    Dealing,

    /// <summary>A player bets, calls, checks, folds or posts the bring-in.</summary>
    Betting,

    /// <summary>A player discards or stands pat.</summary>
    Drawing,

    /// <summary>A player shows or mucks.</summary>
    Showdown,

    /// <summary>The hand is over; chips are paid.</summary>
    Over,
}
