using Orleans.Poker.Engine.Phh;
using Orleans.Poker.Engine.Rules;

namespace Orleans.Poker.Engine.Tests.Phh;

public sealed class PhhDocumentTests
{
    [Fact]
    public void Malformed_toml_names_the_line()
    {
        var error = Assert.Throws<PhhFormatException>(() => PhhDocument.Parse("variant = 'NT'\nantes = [0, 0\nmin_bet = 2\n"));

        Assert.NotNull(error.Line);
    }

    [Fact]
    public void Illegal_action_names_the_action_and_line()
    {
        var document = PhhDocument.Parse("""
            variant = "NT"
            antes = [0, 0]
            blinds_or_straddles = [1, 2]
            min_bet = 2
            starting_stacks = [100, 100]
            actions = [
              "d dh p1 AsKs",
              "d dh p2 QhQd",
              "p2 cbr 3",
            ]
            """);

        var error = Assert.Throws<PhhFormatException>(() => PhhReplay.Replay(document));

        Assert.Equal(2, error.ActionIndex);
        Assert.Equal(9, error.Line);
        Assert.Contains("BelowMinimumRaise", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_action_code_is_a_format_error()
    {
        var document = PhhDocument.Parse("variant = 'NT'\nantes = [0, 0]\nblinds_or_straddles = [1, 2]\nmin_bet = 2\nstarting_stacks = [100, 100]\nactions = ['d dh p1 AsKs', 'p3 xx']\n");

        var error = Assert.Throws<PhhFormatException>(() => PhhReplay.Replay(document));

        Assert.Equal(1, error.ActionIndex);
    }

    [Fact]
    public void Automatic_hand_exports_to_phh_that_replays_to_the_same_stacks()
    {
        for (var seed = 0; seed < 30; seed++)
        {
            var hand = new Hand(HandConfig.NoLimitHoldem([100, 80, 60, 40], 1, 2), Deck.Seeded(seed));
            var rng = new Random(seed);
            while (!hand.IsOver)
            {
                var legal = hand.GetLegalActions();
                hand.Apply(legal.CanBetOrRaise && rng.Next(4) == 0 ? PlayerAction.RaiseTo(legal.Seat, legal.MaxRaiseTo) : PlayerAction.CheckOrCall(legal.Seat));
            }

            var text = hand.ToPhh();
            var replayed = PhhReplay.Replay(PhhDocument.Parse(text));

            Assert.Equal(hand.Stacks, replayed.Stacks);
        }
    }
}
