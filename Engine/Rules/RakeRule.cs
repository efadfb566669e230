namespace Orleans.Poker.Engine.Rules;

/// <summary>
/// Table rake: a percentage of each pot (in basis points, 500 = 5%), capped per hand, optionally not taken
/// when the hand ends before any board card is dealt (no flop, no drop). PHH hands carry no rake.
/// </summary>
public sealed record RakeRule(int BasisPoints, long Cap, bool NoFlopNoDrop)
{
    public static RakeRule None { get; } = new(0, 0, true);

    public bool IsNone => BasisPoints <= 0;
}
