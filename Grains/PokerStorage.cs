namespace Orleans.Poker.Grains;

/// <summary>Names shared by the grains and the silo configuration.</summary>
public static class PokerStorage
{
    /// <summary>The grain storage provider every poker grain persists to.</summary>
    public const string Name = "poker";
}
