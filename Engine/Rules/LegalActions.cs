namespace Orleans.Poker.Engine.Rules;

/// <summary>
/// What the seat to act may do now. Amounts are totals for the street (<c>cbr</c> semantics):
/// a raise must be between <see cref="MinRaiseTo"/> and <see cref="MaxRaiseTo"/> (fixed limit: equal).
/// </summary>
public readonly record struct LegalActions(
    int Seat,
    bool CanFold,
    bool CanCheck,
    bool CanCall,
    long CallAmount,
    bool CanBetOrRaise,
    long MinRaiseTo,
    long MaxRaiseTo,
    bool CanPostBringIn,
    long BringInAmount,
    bool CanDraw,
    int MinDiscard,
    int MaxDiscard,
    bool CanShowOrMuck,
    bool MustShow)
{
    public static LegalActions Nothing => new(-1, false, false, false, 0, false, 0, 0, false, 0, false, 0, 0, false, false);
}
