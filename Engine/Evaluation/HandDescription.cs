namespace Orleans.Poker.Engine.Evaluation;

/// <summary>Hand values as a <see cref="HandName"/> and in English ("Full house, kings over twos", "Seven-low 7-5-4-3-2").</summary>
internal static class HandDescription
{
    private static readonly string[] Singular =
        ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "jack", "queen", "king", "ace"];

    private static readonly string[] Plural =
        ["twos", "threes", "fours", "fives", "sixes", "sevens", "eights", "nines", "tens", "jacks", "queens", "kings", "aces"];

    private const string Symbols = "23456789TJQKA";

    public static string Describe(HandRanking ranking, int value) => English(Name(ranking, value));

    /// <summary>The kind and ranks of a value of <paramref name="ranking"/>.</summary>
    public static HandName Name(HandRanking ranking, int value)
    {
        if (ranking != HandRanking.Badugi && Enum.IsDefined(ranking))
        {
            value = RankingTable.For(ranking).Decode(value);
        }

        if (value <= 0)
        {
            return ranking == HandRanking.EightOrBetterLow && value == 0
                ? new HandName(HandNameKind.NoLow, "")
                : throw new ArgumentOutOfRangeException(nameof(value), value, "not a hand value");
        }

        return ranking switch
        {
            HandRanking.StandardHigh => High(value, HighHand.StandardOrder),
            HandRanking.ShortDeckHigh => High(value, HighHand.ShortDeckOrder),
            HandRanking.DeuceToSevenLow => Low(HighHand.LowBase - value, aceLow: false),
            HandRanking.AceToFiveLow or HandRanking.EightOrBetterLow => Low(HighHand.LowBase - value, aceLow: true),
            HandRanking.Badugi => new HandName(HandNameKind.Badugi, new string(Badugi.RanksOf(value).Select(r => Symbols[(r + 11) % 13]).ToArray())),
            _ => throw new ArgumentOutOfRangeException(nameof(ranking), ranking, "unknown ranking"),
        };
    }

    private static HandName High(int value, HandCategory[] order)
    {
        var category = HighHand.CategoryOf(order, value);
        var top = HighHand.Field(value, 0);
        return category == HandCategory.StraightFlush && top == 12
            ? new HandName(HandNameKind.RoyalFlush, "")
            : Made(category, top, HighHand.Field(value, 1));
    }

    // `high` is the value of the hand read as a high hand (ace-low ranks when `aceLow`).
    private static HandName Low(int high, bool aceLow)
    {
        int Rank(int field) => aceLow ? AceLowToRank(HighHand.Field(high, field)) : HighHand.Field(high, field);
        var category = HighHand.CategoryOf(HighHand.StandardOrder, high);
        return category == HandCategory.HighCard
            ? new HandName(HandNameKind.Low, new string(Cards(high, aceLow).ToArray()))
            : Made(category, Rank(0), Rank(1));
    }

    // A category named by the ranks of its first two fields (only pairs, two pair and full houses need the second).
    private static HandName Made(HandCategory category, int first, int second) => category switch
    {
        HandCategory.TwoPair or HandCategory.FullHouse => new HandName((HandNameKind)category, $"{Symbols[first]}{Symbols[second]}"),
        _ => new HandName((HandNameKind)category, Symbols[first].ToString()),
    };

    /// <summary>The English text of a name (logs, hand histories, the gateway).</summary>
    public static string English(HandName name)
    {
        string One(int i) => Singular[Symbols.IndexOf(name.Ranks[i], StringComparison.Ordinal)];
        string Many(int i) => Plural[Symbols.IndexOf(name.Ranks[i], StringComparison.Ordinal)];
        return name.Kind switch
        {
            HandNameKind.RoyalFlush => "Royal flush",
            HandNameKind.StraightFlush => $"Straight flush, {One(0)} high",
            HandNameKind.FourOfAKind => $"Four of a kind, {Many(0)}",
            HandNameKind.FullHouse => $"Full house, {Many(0)} over {Many(1)}",
            HandNameKind.Flush => $"Flush, {One(0)} high",
            HandNameKind.Straight => $"Straight, {One(0)} high",
            HandNameKind.ThreeOfAKind => $"Three of a kind, {Many(0)}",
            HandNameKind.TwoPair => $"Two pair, {Many(0)} and {Many(1)}",
            HandNameKind.Pair => $"Pair of {Many(0)}",
            HandNameKind.HighCard => $"High card, {One(0)}",
            HandNameKind.Low => $"{Capitalize(One(0))}-low {string.Join('-', name.Ranks.ToCharArray())}",
            HandNameKind.Badugi => $"{BadugiSize(name.Ranks.Length)} badugi {string.Join('-', name.Ranks.ToCharArray())}",
            HandNameKind.NoLow => "No qualifying low",
            _ => throw new ArgumentOutOfRangeException(nameof(name), name.Kind, "unknown hand name"),
        };
    }

    private static string BadugiSize(int cards) => cards switch
    {
        4 => "Four-card",
        3 => "Three-card",
        2 => "Two-card",
        _ => "One-card",
    };

    private static IEnumerable<char> Cards(int high, bool aceLow)
    {
        for (var i = 0; i < 5; i++)
        {
            var field = HighHand.Field(high, i);
            var rank = aceLow ? AceLowToRank(field) : field;
            var padding = aceLow ? field == 0 : i > 0 && field == 0 && HighHand.Field(high, i - 1) == 0;
            if (padding)
            {
                yield break;
            }

            yield return Symbols[rank];
        }
    }

    // Ace-to-five values number ranks ace 1, deuce 2 .. king 13.
    private static int AceLowToRank(int aceLow) => aceLow == 1 ? 12 : aceLow - 2;

    private static string Capitalize(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
