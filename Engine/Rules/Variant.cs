using Orleans.Poker.Engine.Evaluation;

namespace Orleans.Poker.Engine.Rules;

/// <summary>
/// A poker variant as data: deck, streets, betting structure and how hands are ranked.
/// </summary>
/// <param name="Code">PHH variant code (NT, FO/8, F7S...).</param>
/// <param name="Name">Display name.</param>
/// <param name="DeckSize">52, or 36 for short deck (six through ace).</param>
/// <param name="Betting">Betting structure.</param>
/// <param name="Streets">Streets in order.</param>
/// <param name="HighRanking">Ranking of the first (or only) half of the pot.</param>
/// <param name="LowRanking">Ranking of the low half in hi/lo games, else null.</param>
/// <param name="Omaha">Hands use exactly two hole and three board cards.</param>
/// <param name="MaxBetsPerStreet">Fixed-limit cap on completions, bets and raises per street (4 = bet + 3 raises); 0 = unlimited.</param>
/// <param name="UsesBringIn">Stud: the first street opens with a bring-in instead of blinds.</param>
public sealed record Variant(
    string Code,
    string Name,
    int DeckSize,
    BettingStructure Betting,
    IReadOnlyList<Street> Streets,
    HandRanking HighRanking,
    HandRanking? LowRanking,
    bool Omaha,
    int MaxBetsPerStreet,
    bool UsesBringIn)
{
    /// <summary>Largest number of hole cards a player can hold.</summary>
    public int MaxHoleCards { get; } = Streets.Sum(s => s.HoleCardsUp.Count);

    /// <summary>Total number of board cards over all streets.</summary>
    public int MaxBoardCards { get; } = Streets.Sum(s => s.BoardCards);

    /// <summary>Whether any street is a draw.</summary>
    public bool HasDraws => Streets.Any(s => s.Draw);
}
