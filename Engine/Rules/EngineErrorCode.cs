namespace Orleans.Poker.Engine.Rules;

/// <summary>Why an action was refused.</summary>
public enum EngineErrorCode
{
    HandOver,
    NotYourTurn,
    WrongPhase,
    CannotFold,
    CannotCheck,
    CannotBetOrRaise,
    BelowMinimumRaise,
    AboveMaximum,
    AboveStack,
    BetCapReached,
    BringInRequired,
    WrongDiscardCount,
    CardNotInHand,
    WrongCardCount,
    UnknownCardShown,
    MustShow,
    DealerActionNotAllowed,
    InvalidSeat,
}
