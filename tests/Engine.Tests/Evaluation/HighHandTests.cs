using System.Numerics;
using Orleans.Poker.Engine.Cards;
using Orleans.Poker.Engine.Evaluation;
using static Orleans.Poker.Engine.Tests.Evaluation.Hands;

namespace Orleans.Poker.Engine.Tests.Evaluation;

public class HighHandTests
{
    private const HandRanking High = HandRanking.StandardHigh;
    private const HandRanking Short = HandRanking.ShortDeckHigh;

    [Fact]
    public void Every_five_card_hand_falls_in_the_textbook_category_counts_and_7462_classes()
    {
        var table = RankingTable.For(High);
        var hands = new int[ushort.MaxValue + 1];
        var masks = CardMask.ToCards(CardMask.FullDeck).Select(card => card.Mask).ToArray();
        for (var a = 0; a < 52; a++)
        for (var b = a + 1; b < 52; b++)
        for (var c = b + 1; c < 52; c++)
        for (var d = c + 1; d < 52; d++)
        for (var e = d + 1; e < 52; e++)
        {
            hands[HandEvaluator.Evaluate(High, masks[a] | masks[b] | masks[c] | masks[d] | masks[e])]++;
        }

        var classes = Enumerable.Range(0, hands.Length).Where(value => hands[value] > 0).ToList();
        var categories = classes
            .GroupBy(value => HighHand.CategoryOf(HighHand.StandardOrder, table.Decode(value)))
            .ToDictionary(group => group.Key, group => group.Sum(value => hands[value]));

        Assert.Equal(7462, classes.Count);
        Assert.Equal(40, categories[HandCategory.StraightFlush]);
        Assert.Equal(624, categories[HandCategory.FourOfAKind]);
        Assert.Equal(3744, categories[HandCategory.FullHouse]);
        Assert.Equal(5108, categories[HandCategory.Flush]);
        Assert.Equal(10200, categories[HandCategory.Straight]);
        Assert.Equal(54912, categories[HandCategory.ThreeOfAKind]);
        Assert.Equal(123552, categories[HandCategory.TwoPair]);
        Assert.Equal(1098240, categories[HandCategory.Pair]);
        Assert.Equal(1302540, categories[HandCategory.HighCard]);
    }

    [Fact]
    public void Seven_card_fast_path_equals_mask_evaluation_and_best_of_the_21_fives()
    {
        var random = new Random(3);
        for (var i = 0; i < 20_000; i++)
        {
            var mask = Deal(random, 7);
            var c = CardMask.ToCards(mask).Select(card => (int)card.Index).ToArray();

            var fast = HandEvaluator.EvaluateHigh7(c[0], c[1], c[2], c[3], c[4], c[5], c[6]);
            var general = HandEvaluator.Evaluate(High, mask);
            var brute = Subsets(mask, 5).Max(five => HandEvaluator.Evaluate(High, five));

            Assert.True(fast == general && general == brute, $"{CardMask.ToString(mask)}: fast {fast}, general {general}, brute force {brute}");
        }
    }

    [Theory]
    [InlineData(HandRanking.StandardHigh, 6)]
    [InlineData(HandRanking.StandardHigh, 7)]
    [InlineData(HandRanking.ShortDeckHigh, 6)]
    [InlineData(HandRanking.ShortDeckHigh, 7)]
    [InlineData(HandRanking.DeuceToSevenLow, 7)]
    [InlineData(HandRanking.AceToFiveLow, 7)]
    [InlineData(HandRanking.EightOrBetterLow, 6)]
    [InlineData(HandRanking.EightOrBetterLow, 7)]
    public void Best_of_six_or_seven_equals_the_best_five_card_subset(HandRanking ranking, int cards)
    {
        var random = new Random(11 + cards);
        var deck = ranking == Short ? CardMask.ShortDeck : CardMask.FullDeck;
        for (var i = 0; i < 5_000; i++)
        {
            // Every other hand is flush-heavy: mostly one suit.
            var mask = i % 2 == 0 ? Deal(random, cards, deck) : Deal(random, cards, deck & (0x1111111111111UL * 3));
            var expected = Subsets(mask, 5).Max(five => HandEvaluator.Evaluate(ranking, five));

            Assert.True(expected == HandEvaluator.Evaluate(ranking, mask), $"{ranking} {CardMask.ToString(mask)}");
        }
    }

    [Fact]
    public void Wheel_is_the_lowest_straight_and_beats_three_of_a_kind()
    {
        Assert.True(Value(High, "As2d3h4c5s") < Value(High, "2d3h4c5s6d"));
        Assert.True(Value(High, "As2d3h4c5s") > Value(High, "AsAdAhKcQs"));
        Assert.Equal("Straight, five high", Describe(High, "As2d3h4c5s9d9c"));
    }

    [Fact]
    public void Ace_high_straight_flush_is_a_royal_flush()
    {
        Assert.Equal("Royal flush", Describe(High, "AhKhQhJhTh2c2d"));
        Assert.Equal("Straight flush, five high", Describe(High, "Ah2h3h4h5h6c"));
        Assert.True(Value(High, "Ah2h3h4h5h") < Value(High, "2h3h4h5h6h"));
    }

    [Fact]
    public void Seven_card_flush_hand_keeps_the_best_five_suited_cards()
    {
        Assert.Equal(Value(High, "AhKh9h7h4h"), Value(High, "AhKh9h7h4h3h2h"));
        Assert.Equal(Value(High, "AhKh9h7h4h"), Value(High, "AhKh9h7h4hAc4c"));
    }

    [Theory]
    [InlineData("KsKdKh2c2d9s", "Full house, kings over twos")]
    [InlineData("9s9d9h9c2d", "Four of a kind, nines")]
    [InlineData("Ac9c7c5c2cKd", "Flush, ace high")]
    [InlineData("Th9d8c7s6h", "Straight, ten high")]
    [InlineData("7s7d7hAc2d", "Three of a kind, sevens")]
    [InlineData("KsKd4h4cAd", "Two pair, kings and fours")]
    [InlineData("QsQd4h3cAd", "Pair of queens")]
    [InlineData("As9d4h3c2d", "High card, ace")]
    [InlineData("QsQd", "Pair of queens")]
    public void Standard_high_hands_are_described_in_words(string cards, string text)
    {
        Assert.Equal(text, Describe(High, cards));
    }

    [Fact]
    public void Short_deck_flush_beats_full_house_and_A6789_is_the_lowest_straight()
    {
        Assert.True(Value(Short, "AhJh9h8h6h") > Value(Short, "KsKdKhAcAd"));
        Assert.True(Value(Short, "As6d7h8c9s") < Value(Short, "6d7h8c9sTd"));
        Assert.True(Value(Short, "As6d7h8c9s") > Value(Short, "AsAdAhKcQs"));
        Assert.Equal("Straight, nine high", Describe(Short, "As6d7h8c9sKd"));
        Assert.Equal("Straight flush, nine high", Describe(Short, "As6s7s8s9sKd"));
        Assert.Equal("Flush, ace high", Describe(Short, "AhJh9h8h6hJcJd"));
    }

    [Fact]
    public void Short_deck_keeps_four_of_a_kind_above_flush()
    {
        Assert.True(Value(Short, "9s9d9h9cAd") > Value(Short, "AhJh9h8h6h"));
    }

    [Fact]
    public void Fewer_than_five_cards_are_valued_by_pairs_and_kickers_for_stud_up_cards()
    {
        Assert.True(Value(High, "QsQd") > Value(High, "AsKd"));
        Assert.True(Value(High, "QsQd7c") > Value(High, "QhQc6c"));
        Assert.True(Value(High, "2s2d2c") > Value(High, "AsAdKdKc"));
        Assert.Equal("Three of a kind, twos", Describe(High, "2s2d2c"));
    }

    [Theory]
    [InlineData(0UL)]
    [InlineData(0xFFUL)]
    [InlineData(1UL << 52)]
    public void Illegal_card_sets_are_rejected(ulong cards)
    {
        Assert.Throws<ArgumentException>(() => HandEvaluator.Evaluate(High, cards));
    }

    [Fact]
    public void Values_are_positive_and_unique_per_strength()
    {
        Assert.True(Value(High, "7c5d4h3s2c") > 0);
        Assert.Equal(Value(High, "AsKsQsJs9d"), Value(High, "AhKhQhJh9c"));
        Assert.True(BitOperations.PopCount(CardMask.Parse("AsKsQsJs9d")) == 5);
    }
}
