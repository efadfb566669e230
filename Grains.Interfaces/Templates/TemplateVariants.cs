namespace Orleans.Poker.Grains.Interfaces.Templates;

/// <summary>The PHH variant codes a template may use, and what each needs from its configuration.</summary>
public static class TemplateVariants
{
    /// <summary>Every supported code, in the order the lobby shows them.</summary>
    public static IReadOnlyList<string> All { get; } = ["NT", "FT", "NS", "PO", "FO/8", "F7S", "F7S/8", "FR", "N2L1D", "F2L3D", "FB"];

    /// <summary>Seven-card stud games: ante and bring-in, no blinds, at most 8 players (the deck runs out beyond).</summary>
    public static bool IsStud(string variant) => variant is "F7S" or "F7S/8" or "FR";

    /// <summary>Five-card draw games (2-7 single and triple draw, badugi): at most 6 players.</summary>
    public static bool IsDraw(string variant) => variant is "N2L1D" or "F2L3D" or "FB";

    /// <summary>Fixed-limit games bet <c>SmallBet</c> then <c>BigBet</c>.</summary>
    public static bool IsFixedLimit(string variant) => variant.StartsWith('F');

    /// <summary>Games with small and big blinds (every non-stud game here).</summary>
    public static bool UsesBlinds(string variant) => !IsStud(variant);

    /// <summary>The most players a table of the variant seats.</summary>
    public static int MaxPlayers(string variant) => IsStud(variant) ? 8 : IsDraw(variant) ? 6 : 9;
}
