using Orleans.Poker.Grains.Interfaces.Templates;

namespace Orleans.Poker.TestSupport;

/// <summary>The template the tests play on, so each project states only what it changes.</summary>
public static class TestTemplates
{
    /// <summary>
    /// 1/2 no-limit hold'em (or <paramref name="variant"/> with the same stakes), buy-in 40-200, 2 to 6 players, 20 s
    /// turns and no time bank (a test that lets the clock run out sees the timeout at once; the time bank's own tests
    /// give one), <paramref name="pauseBetweenHands"/> between hands.
    /// </summary>
    public static TemplateConfig Holdem(string name, TimeSpan pauseBetweenHands, string variant = "NT") => new()
    {
        Name = name,
        Variant = variant,
        SmallBlind = 1,
        BigBlind = 2,
        MinBuyIn = 40,
        MaxBuyIn = 200,
        MinPlayers = 2,
        MaxPlayers = 6,
        TurnTime = TimeSpan.FromSeconds(20),
        TimeBank = TimeSpan.Zero,
        PauseBetweenHands = pauseBetweenHands,
    };

    /// <summary>
    /// <see cref="Holdem"/> that chains hands at once and whose turn clock (5 min, the longest allowed) never fires during
    /// a run: hands start once <paramref name="minPlayers"/> sit.
    /// </summary>
    public static TemplateConfig Chained(string name, int minPlayers) =>
        Holdem(name, TimeSpan.Zero) with { MinPlayers = minPlayers, TurnTime = TimeSpan.FromMinutes(5) };
}
