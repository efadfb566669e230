using System.Text.RegularExpressions;

namespace Orleans.Poker.Grains.Interfaces.Tables;

/// <summary>What a table id may look like, for every edge that takes one from outside (REST, hubs, bot buttons).</summary>
public static partial class TableIds
{
    /// <summary>Letters, digits, '-' and '_', 1 to 64 of them.</summary>
    public static bool IsValid(string? id) => id is { Length: > 0 and <= 64 } && Pattern().IsMatch(id);

    // \z, not $: "$" also matches before a final line break, which an id must not end with.
    [GeneratedRegex(@"^[A-Za-z0-9_-]+\z")]
    private static partial Regex Pattern();
}
