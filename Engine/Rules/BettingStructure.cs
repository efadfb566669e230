namespace Orleans.Poker.Engine.Rules;

/// <summary>How bet and raise sizes are limited.</summary>
public enum BettingStructure
{
    NoLimit,
    PotLimit,
    FixedLimit,
}
