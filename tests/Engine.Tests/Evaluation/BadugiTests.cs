using Orleans.Poker.Engine.Evaluation;
using static Orleans.Poker.Engine.Tests.Evaluation.Hands;

namespace Orleans.Poker.Engine.Tests.Evaluation;

public class BadugiTests
{
    private const HandRanking Badugi = HandRanking.Badugi;

    [Fact]
    public void Four_card_badugi_beats_any_three_card_hand()
    {
        Assert.True(Value(Badugi, "KcQdJhTs") > Value(Badugi, "Ac2d3h3s"));
        Assert.Equal("Four-card badugi K-Q-J-T", Describe(Badugi, "KcQdJhTs"));
    }

    [Fact]
    public void Best_badugi_is_ace_two_three_four_of_four_suits()
    {
        var best = Value(Badugi, "Ac2d3h4s");

        Assert.True(best > Value(Badugi, "Ac2d3h5s"));
        Assert.Equal("Four-card badugi 4-3-2-A", HandEvaluator.Describe(Badugi, best));
    }

    [Fact]
    public void Highest_card_compares_first()
    {
        Assert.True(Value(Badugi, "7c6d5h4s") > Value(Badugi, "8cAd2h3s"));
        Assert.True(Value(Badugi, "8c5d4h3s") > Value(Badugi, "8c6d2hAs"));
    }

    [Fact]
    public void Same_ranks_in_other_suits_tie()
    {
        Assert.Equal(Value(Badugi, "Kc7d4h2s"), Value(Badugi, "Ks7h4d2c"));
        Assert.Equal(Value(Badugi, "7c7d4h2c"), Value(Badugi, "7s4h2dKs"));
    }

    [Fact]
    public void Paired_or_suited_cards_drop_out_of_the_hand()
    {
        Assert.Equal("Three-card badugi 4-3-2", Describe(Badugi, "2c3d4hKh"));
        Assert.Equal("Three-card badugi 7-4-2", Describe(Badugi, "7c7d4h2s"));
        Assert.Equal("Two-card badugi 3-A", Describe(Badugi, "AcQc3dKd"));
        Assert.Equal("One-card badugi A", Describe(Badugi, "AcKcQcJc"));
    }

    [Fact]
    public void More_than_four_cards_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => Value(Badugi, "Ac2d3h4s5c"));
    }
}
