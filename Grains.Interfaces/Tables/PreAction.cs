namespace Orleans.Poker.Grains.Interfaces.Tables;

/// <summary>What a player chooses before their turn, applied the moment the turn comes if it still fits.</summary>
public enum PreActionKind
{
    /// <summary>Check if possible, otherwise fold.</summary>
    CheckFold,

    /// <summary>Check; cleared when a bet is made.</summary>
    Check,

    /// <summary>Call <see cref="PreAction.Amount"/> (0: check); cleared when the amount to call changes.</summary>
    Call,

    /// <summary>Check or call whatever is bet.</summary>
    CallAny,
}

/// <summary>
/// A pre-selected action for the street in play. <see cref="Amount"/> is the amount to call it was chosen for (only for
/// <see cref="PreActionKind.Call"/>). Private to the player: it is in their <see cref="PrivateView"/> only.
/// </summary>
[GenerateSerializer, Immutable, Alias("poker.pre-action.v1")]
public sealed record PreAction([property: Id(0)] PreActionKind Kind, [property: Id(1)] long Amount = 0);
