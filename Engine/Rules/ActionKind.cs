namespace Orleans.Poker.Engine.Rules;

/// <summary>What an action does (PHH codes in brackets).</summary>
public enum ActionKind
{
    /// <summary>Fold [f].</summary>
    Fold,

    /// <summary>Check or call [cc].</summary>
    CheckOrCall,

    /// <summary>Complete, bet or raise to a total street bet [cbr N].</summary>
    CompleteBetOrRaiseTo,

    /// <summary>Post the bring-in [pb].</summary>
    PostBringIn,

    /// <summary>Discard the given cards, or stand pat with none [sd].</summary>
    StandPatOrDiscard,

    /// <summary>Show the hole cards (optionally naming them) [sm cards].</summary>
    Show,

    /// <summary>Muck at showdown [sm].</summary>
    Muck,

    /// <summary>Dealer: hole cards to a seat [d dh pN cards] (only when the hand has no deck).</summary>
    DealHole,

    /// <summary>Dealer: board cards [d db cards] (only when the hand has no deck).</summary>
    DealBoard,
}
