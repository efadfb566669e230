using System.Text;

namespace Orleans.Poker.Engine.Evaluation;

/// <summary>English text for hand values ("Full house, kings over twos", "Seven-low 7-5-4-3-2").</summary>
internal static class HandDescription
{
    private static readonly string[] Singular =
        ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "jack", "queen", "king", "ace"];

    private static readonly string[] Plural =
        ["twos", "threes", "fours", "fives", "sixes", "sevens", "eights", "nines", "tens", "jacks", "queens", "kings", "aces"];

    private const string Symbols = "23456789TJQKA";

    public static string Describe(HandRanking ranking, int value)
    {
        if (ranking != HandRanking.Badugi && Enum.IsDefined(ranking))
        {
            value = RankingTable.For(ranking).Decode(value);
        }

        if (value <= 0)
        {
            return ranking == HandRanking.EightOrBetterLow && value == 0
                ? "No qualifying low"
                : throw new ArgumentOutOfRangeException(nameof(value), value, "not a hand value");
        }

        return ranking switch
        {
            HandRanking.StandardHigh => High(value, HighHand.StandardOrder),
            HandRanking.ShortDeckHigh => High(value, HighHand.ShortDeckOrder),
            HandRanking.DeuceToSevenLow => Low(HighHand.LowBase - value, aceLow: false),
            HandRanking.AceToFiveLow or HandRanking.EightOrBetterLow => Low(HighHand.LowBase - value, aceLow: true),
            HandRanking.Badugi => BadugiText(value),
            _ => throw new ArgumentOutOfRangeException(nameof(ranking), ranking, "unknown ranking"),
        };
    }

    private static string High(int value, HandCategory[] order)
    {
        var category = HighHand.CategoryOf(order, value);
        var top = HighHand.Field(value, 0);
        return category switch
        {
            HandCategory.StraightFlush when top == 12 => "Royal flush",
            HandCategory.HighCard => $"High card, {Singular[top]}",
            _ => Made(category, top, HighHand.Field(value, 1)),
        };
    }

    // `high` is the value of the hand read as a high hand (ace-low ranks when `aceLow`).
    private static string Low(int high, bool aceLow)
    {
        int Rank(int field) => aceLow ? AceLowToRank(HighHand.Field(high, field)) : HighHand.Field(high, field);
        var category = HighHand.CategoryOf(HighHand.StandardOrder, high);
        return category == HandCategory.HighCard
            ? $"{Capitalize(Singular[Rank(0)])}-low {string.Join('-', Cards(high, aceLow))}"
            : Made(category, Rank(0), Rank(1));
    }

    // Text of a pair or better, from the ranks of its first two fields.
    private static string Made(HandCategory category, int first, int second) => category switch
    {
        HandCategory.StraightFlush => $"Straight flush, {Singular[first]} high",
        HandCategory.FourOfAKind => $"Four of a kind, {Plural[first]}",
        HandCategory.FullHouse => $"Full house, {Plural[first]} over {Plural[second]}",
        HandCategory.Flush => $"Flush, {Singular[first]} high",
        HandCategory.Straight => $"Straight, {Singular[first]} high",
        HandCategory.ThreeOfAKind => $"Three of a kind, {Plural[first]}",
        HandCategory.TwoPair => $"Two pair, {Plural[first]} and {Plural[second]}",
        _ => $"Pair of {Plural[first]}",
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

    private static string BadugiText(int value)
    {
        var ranks = Badugi.RanksOf(value);
        var size = ranks.Length switch
        {
            4 => "Four-card badugi",
            3 => "Three-card badugi",
            2 => "Two-card badugi",
            _ => "One-card badugi",
        };
        var text = new StringBuilder(size).Append(' ');
        text.AppendJoin('-', ranks.Select(r => Symbols[(r + 11) % 13]));
        return text.ToString();
    }

    // Ace-to-five values number ranks ace 1, deuce 2 .. king 13.
    private static int AceLowToRank(int aceLow) => aceLow == 1 ? 12 : aceLow - 2;

    private static string Capitalize(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
