using System.Globalization;
using Orleans.Poker.BotFrontend.Texts;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.BotFrontend.Rendering;

/// <summary>
/// A shown hand in the player's language ("Two pair, queens and nines", "دو جفت بی‌بی و نه"), put into words from
/// the table's structured names (kind and ranks), never from the engine's English text.
/// </summary>
internal static class ShownHandText
{
    /// <summary>The award's hand (high, then low in a hi/lo game, joined by " / "); null when nothing was shown.</summary>
    public static string? Of(PotAward award, string language) =>
        award.Names is { Count: > 0 } names ? string.Join(" / ", names.Select(name => Name(name, language))) : null;

    /// <summary>
    /// One name. The texts take {0} the first rank, {1} it in plural, {2} and {3} the second rank, {4} every rank
    /// as cards are written ("7-5-4-3-2"), {5} how many cards, in words.
    /// </summary>
    public static string Name(ShownHand name, string language)
    {
        var ranks = name.Ranks;
        string One(int i) => i < ranks.Length ? BotTexts.Get(language, "rank." + ranks[i]) : "";
        string Many(int i) => i < ranks.Length ? BotTexts.Get(language, "ranks." + ranks[i]) : "";
        var cards = string.Join("-", ranks.Select(rank => rank == 'T' ? "10" : rank.ToString()));
        var count = "number." + ranks.Length.ToString(CultureInfo.InvariantCulture);
        var key = "hand." + name.Kind;
        var text = BotTexts.Has(key)
            ? BotTexts.Get(language, key, One(0), Many(0), One(1), Many(1), cards, BotTexts.Has(count) ? BotTexts.Get(language, count) : ranks.Length.ToString(CultureInfo.InvariantCulture))
            : cards;
        return text.Length > 0 ? char.ToUpper(text[0], CultureInfo.InvariantCulture) + text[1..] : text;
    }
}
