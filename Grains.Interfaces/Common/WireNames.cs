namespace Orleans.Poker.Grains.Interfaces.Common;

/// <summary>How .NET names go on the wire: error codes (<see cref="PokerException.Code"/>) and hand kinds (<c>two_pair</c>).</summary>
public static class WireNames
{
    /// <summary><c>NotYourTurn</c> → <c>not_your_turn</c>.</summary>
    public static string SnakeCase(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
