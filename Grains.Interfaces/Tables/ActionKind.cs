namespace Orleans.Poker.Grains.Interfaces.Tables;

/// <summary>What a player can do on their turn.</summary>
public enum ActionKind
{
    Fold,
    Check,
    Call,

    /// <summary>Bet or raise <em>to</em> <see cref="PlayerAction.Amount"/> (the player's total bet on the street).</summary>
    BetOrRaise,

    /// <summary>Stud: post the bring-in instead of completing.</summary>
    BringIn,

    /// <summary>Draw games: discard <see cref="PlayerAction.Cards"/> (none = stand pat) and draw as many.</summary>
    Discard,
}
