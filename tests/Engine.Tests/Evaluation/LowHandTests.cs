using Orleans.Poker.Engine.Cards;
using Orleans.Poker.Engine.Evaluation;
using static Orleans.Poker.Engine.Tests.Evaluation.Hands;

namespace Orleans.Poker.Engine.Tests.Evaluation;

public class LowHandTests
{
    private const HandRanking DeuceSeven = HandRanking.DeuceToSevenLow;
    private const HandRanking Razz = HandRanking.AceToFiveLow;
    private const HandRanking Eight = HandRanking.EightOrBetterLow;

    [Fact]
    public void Deuce_seven_best_hand_is_seven_five_four_three_two()
    {
        var best = Value(DeuceSeven, "7c5d4h3s2c");

        Assert.True(best > Value(DeuceSeven, "7c6d4h3s2c"));
        Assert.True(best > Value(DeuceSeven, "8c5d4h3s2c"));
        Assert.Equal("Seven-low 7-5-4-3-2", HandEvaluator.Describe(DeuceSeven, best));
    }

    [Fact]
    public void Deuce_seven_ace_is_high_only_so_the_steel_wheel_is_an_ace_high_flush()
    {
        Assert.Equal("Ace-low A-5-4-3-2", Describe(DeuceSeven, "Ac5d4h3s2c"));
        Assert.True(Value(DeuceSeven, "Ac5d4h3s2c") < Value(DeuceSeven, "KcQdJhTs8c"));
        Assert.True(Value(DeuceSeven, "Ac5d4h3s2c") > Value(DeuceSeven, "2c2d4h3s5c"));
        Assert.Equal("Flush, ace high", Describe(DeuceSeven, "Ac5c4c3c2c"));
        Assert.True(Value(DeuceSeven, "Ac5c4c3c2c") > Value(DeuceSeven, "AdAhAsKcKd"));
    }

    [Fact]
    public void Deuce_seven_straights_and_flushes_count_against()
    {
        Assert.True(Value(DeuceSeven, "6c5d4h3s2c") < Value(DeuceSeven, "KcQdJhTs8c"));
        Assert.True(Value(DeuceSeven, "8c6c4c3c2c") < Value(DeuceSeven, "KdKs4h3s2c"));
        Assert.Equal("Straight, six high", Describe(DeuceSeven, "6c5d4h3s2c"));
        Assert.Equal("Pair of kings", Describe(DeuceSeven, "KdKs4h3s2c"));
    }

    [Fact]
    public void Ace_to_five_wheel_is_the_best_low_and_straights_flushes_are_ignored()
    {
        var wheel = Value(Razz, "Ac2c3c4c5c");

        Assert.Equal(wheel, Value(Razz, "Ad2c3h4s5c"));
        Assert.True(wheel > Value(Razz, "Ac2d3h4s6c"));
        Assert.Equal("Five-low 5-4-3-2-A", HandEvaluator.Describe(Razz, wheel));
    }

    [Fact]
    public void Ace_to_five_pairs_count_against()
    {
        Assert.True(Value(Razz, "KcQdJhTs9c") > Value(Razz, "AcAd2h3s4c"));
        Assert.True(Value(Razz, "AcAd2h3s4c") > Value(Razz, "2c2d3h4s5c"));
        Assert.True(Value(Razz, "AcAd2h3s4c") > Value(Razz, "AcAd2h2s3c"));
        Assert.Equal("Pair of aces", Describe(Razz, "AcAd2h3s4c"));
    }

    [Fact]
    public void Razz_seven_cards_pick_the_five_lowest_distinct_ranks()
    {
        Assert.Equal(Value(Razz, "8c6d4h3s2c"), Value(Razz, "8c6d4h3s2cKdKh"));
        Assert.Equal(Value(Razz, "AcAd2h3s4c"), Value(Razz, "AcAd2h3s4c2d3d"));
    }

    [Fact]
    public void Razz_up_cards_compare_and_describe_as_partial_lows()
    {
        Assert.True(Value(Razz, "Ac") > Value(Razz, "2c"));
        Assert.True(Value(Razz, "7d3cAh") > Value(Razz, "7d4cAh"));
        Assert.True(Value(Razz, "Kd") > Value(Razz, "2c2d"));
        Assert.Equal("Seven-low 7-3-A", Describe(Razz, "7d3cAh"));
        Assert.Equal("Two-low 2", Describe(Razz, "2c"));
    }

    [Fact]
    public void Eight_or_better_qualifies_only_with_five_distinct_ranks_eight_or_lower()
    {
        Assert.Equal(0, Value(Eight, "9c6d4h3s2c"));
        Assert.Equal(0, Value(Eight, "8c8d4h3s2c"));
        Assert.True(Value(Eight, "8c7d4h3s2c") > 0);
        Assert.True(Value(Eight, "8c6d4h3s2c") > Value(Eight, "8c7d4h3s2c"));
        Assert.Equal(Value(Eight, "7c6d4h3sAc"), Value(Eight, "7c6d4h3sAcKdKh"));
        Assert.Equal("No qualifying low", HandEvaluator.Describe(Eight, 0));
        Assert.Equal("Eight-low 8-6-4-3-2", Describe(Eight, "8c6d4h3s2cQd"));
    }

    [Fact]
    public void Omaha_eight_low_uses_exactly_two_hole_cards()
    {
        // Four low cards on the board and one in the hole: the low needs two hole cards of its own.
        var hole = CardMask.Parse("AcKdKhQs");
        var board = CardMask.Parse("2c3d4h5sJd");

        Assert.Equal(0, HandEvaluator.EvaluateOmaha(Eight, hole, board));
        Assert.Equal(
            Value(Eight, "Ac2d3c4h5s"),
            HandEvaluator.EvaluateOmaha(Eight, CardMask.Parse("Ac2dKhQs"), board));
    }

    [Fact]
    public void Omaha_high_equals_the_best_two_plus_three_combination()
    {
        var random = new Random(5);
        foreach (var ranking in new[] { HandRanking.StandardHigh, HandRanking.EightOrBetterLow, HandRanking.DeuceToSevenLow })
        {
            for (var i = 0; i < 2_000; i++)
            {
                var deal = Deal(random, 9);
                var hole = Deal(new Random(i), 4, deal);
                var board = deal & ~hole;
                var expected = Subsets(hole, 2).SelectMany(two => Subsets(board, 3).Select(three => two | three))
                    .Max(five => HandEvaluator.Evaluate(ranking, five));

                Assert.Equal(expected, HandEvaluator.EvaluateOmaha(ranking, hole, board));
            }
        }
    }

    [Fact]
    public void Omaha_flush_needs_two_suited_hole_cards()
    {
        var board = CardMask.Parse("AhKhQh2c3d");

        Assert.Equal("Pair of aces", HandEvaluator.Describe(HandRanking.StandardHigh, HandEvaluator.EvaluateOmaha(HandRanking.StandardHigh, CardMask.Parse("AcJh8s7d"), board)));
        Assert.Equal("Royal flush", HandEvaluator.Describe(HandRanking.StandardHigh, HandEvaluator.EvaluateOmaha(HandRanking.StandardHigh, CardMask.Parse("JhTh8s7d"), board)));
    }

    [Fact]
    public void Omaha_rejects_overlapping_or_short_card_sets()
    {
        Assert.Throws<ArgumentException>(() => HandEvaluator.EvaluateOmaha(HandRanking.StandardHigh, CardMask.Parse("AhKhQh2c"), CardMask.Parse("AhKd3c")));
        Assert.Throws<ArgumentException>(() => HandEvaluator.EvaluateOmaha(HandRanking.StandardHigh, CardMask.Parse("Ah"), CardMask.Parse("Kd3c4c")));
        Assert.Throws<ArgumentException>(() => HandEvaluator.EvaluateOmaha(HandRanking.Badugi, CardMask.Parse("AhKhQh2c"), CardMask.Parse("Kd3c4c")));
    }
}
