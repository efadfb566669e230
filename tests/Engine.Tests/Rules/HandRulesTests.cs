using Orleans.Poker.Engine.Cards;
using Orleans.Poker.Engine.Phh;
using Orleans.Poker.Engine.Rules;

namespace Orleans.Poker.Engine.Tests.Rules;

public sealed class HandRulesTests
{
    private static Hand Replay(string toml) => PhhReplay.Replay(PhhDocument.Parse(toml));

    private static Hand NoLimit(long[] stacks, int seed = 1) => new(HandConfig.NoLimitHoldem(stacks, 1, 2), Deck.Seeded(seed));

    [Fact]
    public void Raise_below_minimum_is_rejected()
    {
        var hand = NoLimit([200, 200, 200]);
        var before = HandSerializer.Serialize(hand);

        var ok = hand.TryApply(PlayerAction.RaiseTo(2, 3), out var error);

        Assert.False(ok);
        Assert.Equal(EngineErrorCode.BelowMinimumRaise, error!.Code);
        Assert.Contains("4..200", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, HandSerializer.Serialize(hand));
    }

    [Fact]
    public void State_is_unchanged_on_error()
    {
        var hand = NoLimit([200, 200, 200]);
        var events = hand.Events.Count;
        var stacks = hand.Stacks.ToArray();

        Assert.False(hand.TryApply(PlayerAction.CheckOrCall(0), out var notYourTurn));
        Assert.False(hand.TryApply(PlayerAction.RaiseTo(2, 500), out var aboveStack));

        Assert.Equal(EngineErrorCode.NotYourTurn, notYourTurn!.Code);
        Assert.Equal(EngineErrorCode.AboveStack, aboveStack!.Code);
        Assert.Equal(events, hand.Events.Count);
        Assert.Equal(stacks, hand.Stacks);
        Assert.Equal(2, hand.Actor);
    }

    [Fact]
    public void Heads_up_button_posts_small_blind()
    {
        var hand = new Hand(new HandConfig
        {
            Variant = Variants.NoLimitHoldem,
            StartingStacks = [100, 100],
            Antes = [0, 0],
            BlindsOrStraddles = [1, 2],
            MinBet = 2,
        }, Deck.Seeded(3));

        Assert.Equal(2, hand.Bets[0]);
        Assert.Equal(1, hand.Bets[1]);
        Assert.Equal(1, hand.Actor);
    }

    [Fact]
    public void Uncalled_bet_is_returned()
    {
        var hand = NoLimit([200, 200, 200]);

        hand.Apply(PlayerAction.RaiseTo(2, 50));
        hand.Apply(PlayerAction.Fold(0));
        hand.Apply(PlayerAction.Fold(1));

        Assert.True(hand.IsOver);
        Assert.Equal([199, 198, 203], hand.Stacks);
        Assert.Contains(hand.Events, e => e.Kind == HandEventKind.UncalledBetReturned && e.Seat == 2 && e.Amount == 48);
    }

    [Fact]
    public void Incomplete_all_in_raise_does_not_reopen_betting()
    {
        // p3 opens to 10 (a raise of 8), p1 shoves 15 (a raise of only 5), p2 calls; p3 may only call or fold.
        var hand = NoLimit([15, 200, 200]);
        hand.Apply(PlayerAction.RaiseTo(2, 10));
        hand.Apply(PlayerAction.RaiseTo(0, 15));
        hand.Apply(PlayerAction.CheckOrCall(1));

        var legal = hand.GetLegalActions();
        var ok = hand.TryApply(PlayerAction.RaiseTo(2, 40), out var error);

        Assert.Equal(2, legal.Seat);
        Assert.False(legal.CanBetOrRaise);
        Assert.True(legal.CanCall);
        Assert.False(ok);
        Assert.Equal(EngineErrorCode.CannotBetOrRaise, error!.Code);
    }

    [Fact]
    public void Full_raise_reopens_betting()
    {
        var hand = NoLimit([200, 200, 200]);
        hand.Apply(PlayerAction.RaiseTo(2, 6));
        hand.Apply(PlayerAction.RaiseTo(0, 20));
        hand.Apply(PlayerAction.CheckOrCall(1));

        var legal = hand.GetLegalActions();

        Assert.True(legal.CanBetOrRaise);
        Assert.Equal(34, legal.MinRaiseTo);
        Assert.Equal(200, legal.MaxRaiseTo);
    }

    [Fact]
    public void Pot_limit_maximum_is_the_pot()
    {
        var hand = new Hand(new HandConfig
        {
            Variant = Variants.PotLimitOmaha,
            StartingStacks = [500, 500, 500],
            Antes = [0, 0, 0],
            BlindsOrStraddles = [1, 2, 0],
            MinBet = 2,
        }, Deck.Seeded(5));

        var legal = hand.GetLegalActions();

        Assert.Equal(4, legal.MinRaiseTo);
        Assert.Equal(7, legal.MaxRaiseTo);
    }

    [Fact]
    public void Fixed_limit_caps_betting_at_four_bets()
    {
        var hand = new Hand(new HandConfig
        {
            Variant = Variants.FixedLimitHoldem,
            StartingStacks = [500, 500, 500],
            Antes = [0, 0, 0],
            BlindsOrStraddles = [1, 2, 0],
            SmallBet = 2,
            BigBet = 4,
        }, Deck.Seeded(6));

        hand.Apply(PlayerAction.RaiseTo(2, 4));
        hand.Apply(PlayerAction.RaiseTo(0, 6));
        hand.Apply(PlayerAction.RaiseTo(1, 8));
        var ok = hand.TryApply(PlayerAction.RaiseTo(2, 10), out _);
        var capped = hand.TryApply(PlayerAction.RaiseTo(0, 12), out var error);

        Assert.True(ok);
        Assert.False(capped);
        Assert.Equal(EngineErrorCode.BetCapReached, error!.Code);
    }

    [Fact]
    public void Odd_chip_goes_to_lowest_index_winner()
    {
        // Board plays (royal flush) for everybody: the 5-chip pot splits 3 ways, p1 gets the odd chips.
        var hand = Replay("""
            variant = "NT"
            antes = [0, 0, 0]
            blinds_or_straddles = [1, 2, 0]
            min_bet = 2
            starting_stacks = [100, 100, 100]
            actions = ["d dh p1 2c3d", "d dh p2 2d3h", "d dh p3 2h3s", "p3 cc", "p1 f", "p2 cc",
              "d db AsKsQs", "p2 cc", "p3 cc", "d db Js", "p2 cc", "p3 cc", "d db Ts", "p2 cc", "p3 cc", "p2 sm 2d3h", "p3 sm 2h3s"]
            """);

        Assert.True(hand.IsOver);
        Assert.Equal([99, 101, 100], hand.Stacks);
    }

    [Fact]
    public void Hi_lo_odd_chip_goes_to_the_high_half()
    {
        var hand = Replay("""
            variant = "FO/8"
            antes = [0, 0]
            blinds_or_straddles = [1, 2]
            small_bet = 2
            big_bet = 4
            starting_stacks = [100, 101]
            actions = ["d dh p1 AhKhQdJd", "d dh p2 2c3c9s9d", "p2 cc", "p1 cc", "d db 4d5h8s", "p1 cc", "p2 cc",
              "d db Tc", "p1 cc", "p2 cc", "d db 7s", "p1 cc", "p2 cc", "p1 sm AhKhQdJd", "p2 sm 2c3c9s9d"]
            """);

        // Pot of 4: p2 scoops, high with a pair of nines and low with 8-5-4-3-2 (p1 has neither).
        Assert.Equal(201, hand.Stacks.Sum());
        Assert.Equal([98, 103], hand.Stacks);
        Assert.True(hand.IsOver);
    }

    [Fact]
    public void Wrong_discard_count_is_rejected()
    {
        var hand = new Hand(new HandConfig
        {
            Variant = Variants.DeuceToSevenSingleDraw,
            StartingStacks = [100, 100],
            Antes = [0, 0],
            BlindsOrStraddles = [1, 2],
            MinBet = 2,
        }, Deck.Seeded(8));
        hand.Apply(PlayerAction.CheckOrCall(1));
        hand.Apply(PlayerAction.CheckOrCall(0));
        var seat = hand.Actor!.Value;
        var held = hand.HoleCards(seat).ToArray();
        var tooMany = held.Append(held[0]).ToArray();

        var legal = hand.GetLegalActions();
        var ok = hand.TryApply(PlayerAction.Discard(seat, tooMany), out var error);
        var notHeld = hand.TryApply(PlayerAction.Discard(seat, Card.Parse("??")), out var error2);

        Assert.Equal(HandPhase.Drawing, hand.Phase);
        Assert.Equal(5, legal.MaxDiscard);
        Assert.False(ok);
        Assert.Equal(EngineErrorCode.WrongDiscardCount, error!.Code);
        Assert.False(notHeld);
        Assert.Equal(EngineErrorCode.CardNotInHand, error2!.Code);
    }

    [Fact]
    public void Draw_replaces_discarded_cards_from_the_deck()
    {
        var hand = new Hand(new HandConfig
        {
            Variant = Variants.DeuceToSevenSingleDraw,
            StartingStacks = [100, 100],
            Antes = [0, 0],
            BlindsOrStraddles = [1, 2],
            MinBet = 2,
        }, Deck.Seeded(9));
        hand.Apply(PlayerAction.CheckOrCall(1));
        hand.Apply(PlayerAction.CheckOrCall(0));
        var before = hand.HoleCards(0).ToArray();

        hand.Apply(PlayerAction.Discard(0, before[0], before[1]));
        hand.Apply(PlayerAction.StandPat(1));

        var after = hand.HoleCards(0).ToArray();
        Assert.Equal(5, after.Length);
        Assert.DoesNotContain(before[0], after);
        Assert.DoesNotContain(before[1], after);
        Assert.Equal(HandPhase.Betting, hand.Phase);
    }

    [Fact]
    public void Hand_over_rejects_actions()
    {
        var hand = NoLimit([200, 200, 200]);
        hand.Apply(PlayerAction.Fold(2));
        hand.Apply(PlayerAction.Fold(0));

        var ok = hand.TryApply(PlayerAction.CheckOrCall(1), out var error);

        Assert.False(ok);
        Assert.Equal(EngineErrorCode.HandOver, error!.Code);
    }

    [Fact]
    public void Rake_is_taken_after_the_flop_with_a_cap()
    {
        var config = HandConfig.NoLimitHoldem([200, 200, 200], 1, 2, rake: new RakeRule(500, 3, true));
        var hand = new Hand(config, Deck.Seeded(11));
        hand.Apply(PlayerAction.RaiseTo(2, 30));
        hand.Apply(PlayerAction.CheckOrCall(0));
        hand.Apply(PlayerAction.CheckOrCall(1));
        while (!hand.IsOver)
        {
            var legal = hand.GetLegalActions();
            hand.Apply(legal.CanCheck ? PlayerAction.CheckOrCall(legal.Seat) : legal.CanShowOrMuck ? PlayerAction.Show(legal.Seat) : PlayerAction.CheckOrCall(legal.Seat));
        }

        Assert.Equal(3, hand.Rake);
        Assert.Equal(600 - 3, hand.Stacks.Sum());
    }

    [Fact]
    public void No_flop_no_drop()
    {
        var config = HandConfig.NoLimitHoldem([200, 200, 200], 1, 2, rake: new RakeRule(500, 3, true));
        var hand = new Hand(config, Deck.Seeded(12));

        hand.Apply(PlayerAction.RaiseTo(2, 30));
        hand.Apply(PlayerAction.Fold(0));
        hand.Apply(PlayerAction.Fold(1));

        Assert.Equal(0, hand.Rake);
        Assert.Equal(600, hand.Stacks.Sum());
    }

    [Fact]
    public void Public_view_never_contains_a_face_down_card()
    {
        var rng = new Random(42);
        for (var h = 0; h < 44; h++)
        {
            var variant = Variants.All[h % Variants.All.Count];
            var config = variant.UsesBringIn
                ? new HandConfig { Variant = variant, StartingStacks = [300, 300, 300, 300], Antes = [1, 1, 1, 1], BringIn = 2, SmallBet = 4, BigBet = 8 }
                : new HandConfig { Variant = variant, StartingStacks = [300, 300, 300, 300], Antes = [0, 0, 0, 0], BlindsOrStraddles = [1, 2, 0, 0], SmallBet = 2, BigBet = 4, MinBet = 2 };
            var hand = new Hand(config, Deck.Seeded(h, variant.DeckSize));
            while (!hand.IsOver)
            {
                AssertNoHiddenCard(hand);
                var legal = hand.GetLegalActions();
                var pick = rng.Next(10);
                PlayerAction action = legal switch
                {
                    { CanPostBringIn: true } => PlayerAction.BringIn(legal.Seat),
                    { CanDraw: true } => pick < 5 ? PlayerAction.StandPat(legal.Seat) : PlayerAction.Discard(legal.Seat, hand.HoleCards(legal.Seat)[0]),
                    { CanBetOrRaise: true } when pick < 2 => PlayerAction.RaiseTo(legal.Seat, legal.MinRaiseTo),
                    { CanFold: true } when pick == 9 => PlayerAction.Fold(legal.Seat),
                    _ => PlayerAction.CheckOrCall(legal.Seat),
                };
                hand.Apply(action);
            }

            Assert.Equal(1200, hand.Stacks.Sum());
        }
    }

    private static void AssertNoHiddenCard(Hand hand)
    {
        var view = hand.PublicView();
        ulong visible = 0;
        foreach (var seat in view.Seats)
        {
            for (var k = 0; k < seat.Cards.Count; k++)
            {
                var card = seat.Cards[k];
                var up = (seat.UpMask & (1 << k)) != 0;
                Assert.Equal(up, card.IsKnown);
                if (!up)
                {
                    continue;
                }

                Assert.True(hand.IsHoleCardUp(seat.Seat, k));
                visible |= card.Mask;
            }
        }

        foreach (var e in hand.Events)
        {
            var seen = e.ForViewer(null);
            for (var k = 0; k < seen.Cards.Count; k++)
            {
                if (seen.Kind == HandEventKind.HoleCardsDealt && (e.UpMask & (1 << k)) == 0)
                {
                    Assert.False(seen.Cards[k].IsKnown);
                }
            }
        }
    }
}
