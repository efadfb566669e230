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
        int F(int i) => HighHand.Field(value, i);
        return HighHand.CategoryOf(order, value) switch
        {
            HandCategory.StraightFlush when F(0) == 12 => "Royal flush",
            HandCategory.StraightFlush => $"Straight flush, {Singular[F(0)]} high",
            HandCategory.FourOfAKind => $"Four of a kind, {Plural[F(0)]}",
            HandCategory.FullHouse => $"Full house, {Plural[F(0)]} over {Plural[F(1)]}",
            HandCategory.Flush => $"Flush, {Singular[F(0)]} high",
            HandCategory.Straight => $"Straight, {Singular[F(0)]} high",
            HandCategory.ThreeOfAKind => $"Three of a kind, {Plural[F(0)]}",
            HandCategory.TwoPair => $"Two pair, {Plural[F(0)]} and {Plural[F(1)]}",
            HandCategory.Pair => $"Pair of {Plural[F(0)]}",
            _ => $"High card, {Singular[F(0)]}",
        };
    }

    // `high` is the value of the hand read as a high hand (ace-low ranks when `aceLow`).
    private static string Low(int high, bool aceLow)
    {
        var category = HighHand.CategoryOf(HighHand.StandardOrder, high);
        var ranks = new int[5];
        for (var i = 0; i < 5; i++)
        {
            var field = HighHand.Field(high, i);
            ranks[i] = aceLow ? AceLowToRank(field) : field;
        }

        string Name(int rank) => Plural[rank];
        var text = category switch
        {
            HandCategory.HighCard => $"{Capitalize(Singular[ranks[0]])}-low {string.Join('-', Cards(high, aceLow))}",
            HandCategory.Pair => $"Pair of {Name(ranks[0])}",
            HandCategory.TwoPair => $"Two pair, {Name(ranks[0])} and {Name(ranks[1])}",
            HandCategory.ThreeOfAKind => $"Three of a kind, {Name(ranks[0])}",
            HandCategory.Straight => $"Straight, {Singular[ranks[0]]} high",
            HandCategory.Flush => $"Flush, {Singular[ranks[0]]} high",
            HandCategory.FullHouse => $"Full house, {Name(ranks[0])} over {Name(ranks[1])}",
            HandCategory.FourOfAKind => $"Four of a kind, {Name(ranks[0])}",
            _ => $"Straight flush, {Singular[ranks[0]]} high",
        };
        return text;
    }

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
