using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Robots;

namespace Orleans.Poker.Grains.Tests.Robots;

public sealed class RobotStrategyTests
{
    private const string Ranks = "23456789TJQKA";
    private const string Suits = "cdhs";
    private static readonly string[] Variants = ["NT", "FT", "NS", "PO", "FO/8", "F7S", "F7S/8", "FR", "N2L1D", "F2L3D", "FB"];

    [Theory]
    [MemberData(nameof(Styles))]
    public void Only_legal_actions_are_returned(int styleIndex)
    {
        var style = RobotStyle.Presets[styleIndex];
        var dealer = new Random(1234 + styleIndex);
        var strategy = new RobotStrategy(style, seed: styleIndex);

        for (var i = 0; i < 3_000; i++)
        {
            var variant = Variants[dealer.Next(Variants.Length)];
            var cards = Deal(dealer, dealer.Next(2, 8));
            var legal = RandomLegal(dealer, cards.Count);
            var view = View(variant, dealer.Next(4) == 0 ? [] : Deal(dealer, dealer.Next(3, 6)));

            var action = strategy.Decide(cards, view, legal);

            Assert.True(IsLegal(action, legal, cards), $"{action} is not allowed by {legal} with {string.Join(' ', cards)} in {variant}");
        }
    }

    public static TheoryData<int> Styles => new() { 0, 1, 2, 3 };

    [Fact]
    public void Same_seed_makes_the_same_decisions()
    {
        var dealer = new Random(7);
        var situations = Enumerable.Range(0, 200).Select(_ => (Cards: Deal(dealer, 2), Legal: RandomLegal(dealer, 2))).ToList();
        var first = new RobotStrategy(RobotStyle.LooseAggressive, seed: 42);
        var second = new RobotStrategy(RobotStyle.LooseAggressive, seed: 42);

        var a = situations.Select(s => first.Decide(s.Cards, View("NT", []), s.Legal)).ToList();
        var b = situations.Select(s => second.Decide(s.Cards, View("NT", []), s.Legal)).ToList();

        Assert.Equal(a.Select(Describe), b.Select(Describe));
    }

    [Fact]
    public void Aggressive_robots_raise_more_than_passive_ones()
    {
        var dealer = new Random(9);
        var situations = Enumerable.Range(0, 2_000).Select(_ => Deal(dealer, 2)).ToList();
        var legal = new LegalActions { CanFold = true, CallAmount = 2, CanBetOrRaise = true, MinRaiseTo = 4, MaxRaiseTo = 200 };

        int Raises(RobotStyle style)
        {
            var strategy = new RobotStrategy(style, seed: 3);
            return situations.Count(cards => strategy.Decide(cards, View("NT", []), legal).Kind == ActionKind.BetOrRaise);
        }

        Assert.True(Raises(RobotStyle.TightAggressive) > Raises(RobotStyle.TightPassive) * 2);
    }

    [Fact]
    public void Tight_robots_fold_more_than_loose_ones_against_a_bet()
    {
        var dealer = new Random(11);
        var situations = Enumerable.Range(0, 2_000).Select(_ => Deal(dealer, 2)).ToList();
        var legal = new LegalActions { CanFold = true, CallAmount = 20, CanBetOrRaise = false };

        int Folds(RobotStyle style)
        {
            var strategy = new RobotStrategy(style, seed: 5);
            return situations.Count(cards => strategy.Decide(cards, View("NT", []), legal).Kind == ActionKind.Fold);
        }

        Assert.True(Folds(RobotStyle.TightPassive) > Folds(RobotStyle.LoosePassive));
    }

    [Fact]
    public void Never_folds_when_checking_is_free()
    {
        var dealer = new Random(13);
        var strategy = new RobotStrategy(RobotStyle.TightPassive, seed: 1);
        var legal = new LegalActions { CanFold = true, CanCheck = true, CallAmount = 0, CanBetOrRaise = true, MinRaiseTo = 2, MaxRaiseTo = 100 };

        var kinds = Enumerable.Range(0, 500).Select(_ => strategy.Decide(Deal(dealer, 2), View("NT", []), legal).Kind).ToList();

        Assert.DoesNotContain(ActionKind.Fold, kinds);
    }

    [Fact]
    public void Robot_ids_are_stable_distinct_and_recognisable()
    {
        var ids = Enumerable.Range(0, 9).Select(i => RobotStrategy.RobotId("practice-1", i)).ToList();

        Assert.Equal(ids, Enumerable.Range(0, 9).Select(i => RobotStrategy.RobotId("practice-1", i)));
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.True(RobotStrategy.IsRobot(id)));
        Assert.False(RobotStrategy.IsRobot(123_456_789));
        Assert.Equal(ids.Count, ids.Select(RobotStrategy.NameOf).Distinct().Count());
        Assert.All(ids, id => Assert.EndsWith("(bot)", RobotStrategy.NameOf(id), StringComparison.Ordinal));
    }

    [Fact]
    public void Robot_ids_stay_exact_in_a_browsers_numbers_and_apart_from_peoples()
    {
        const long exactInJavaScript = 1L << 53;
        var ids = Enumerable.Range(0, 20_000).SelectMany(t => new[] { RobotStrategy.RobotId($"table-{t}", 0), RobotStrategy.RobotId(Guid.NewGuid().ToString("N"), 99) });

        Assert.All(ids, id => Assert.InRange(id, RobotStrategy.RobotIdBase, exactInJavaScript - 1));
        Assert.False(RobotStrategy.IsRobot((1L << 52) - 1), "Telegram's user ids have at most 52 bits");
        Assert.True(RobotStrategy.IsRobot(8_000_000_000_000_000_000L + 4_217), "robots seated with the earlier ids still count");
    }

    private static bool IsLegal(PlayerAction action, LegalActions legal, IReadOnlyList<string> cards) => action.Kind switch
    {
        ActionKind.Fold => legal.CanFold && legal.DiscardMin is null,
        ActionKind.Check => legal.CanCheck && legal.DiscardMin is null,
        ActionKind.Call => legal.CallAmount is not null && legal.DiscardMin is null,
        ActionKind.BetOrRaise => legal.CanBetOrRaise && legal.DiscardMin is null && action.Amount >= legal.MinRaiseTo && action.Amount <= legal.MaxRaiseTo,
        ActionKind.BringIn => legal.BringIn is { } bringIn && action.Amount == bringIn,
        ActionKind.Discard => legal.DiscardMin is { } min && action.Cards is { } discards
            && discards.Count >= min && discards.Count <= (legal.DiscardMax ?? min)
            && discards.Distinct().Count() == discards.Count && discards.All(cards.Contains),
        _ => false,
    };

    /// <summary>A consistent random situation: a draw, a bring-in decision, or a betting decision.</summary>
    private static LegalActions RandomLegal(Random dealer, int cardCount)
    {
        switch (dealer.Next(6))
        {
            case 0:
                var max = dealer.Next(0, cardCount + 1);
                return new LegalActions { DiscardMin = dealer.Next(0, max + 1) is var min && min <= max ? min : 0, DiscardMax = max };
            case 1:
                return new LegalActions { BringIn = 1, CanBetOrRaise = dealer.Next(2) == 0, MinRaiseTo = 2, MaxRaiseTo = 2 };
        }

        var facing = dealer.Next(2) == 0;
        var minRaise = dealer.Next(1, 50);
        var canRaise = dealer.Next(4) != 0;
        return new LegalActions
        {
            CanFold = facing || dealer.Next(3) == 0,
            CanCheck = !facing,
            CallAmount = facing ? dealer.Next(1, 40) : dealer.Next(2) == 0 ? 0 : null,
            CanBetOrRaise = canRaise || !facing,
            MinRaiseTo = minRaise,
            MaxRaiseTo = minRaise + (dealer.Next(3) == 0 ? 0 : dealer.Next(0, 500)),
        };
    }

    private static List<string> Deal(Random dealer, int count) =>
        Enumerable.Range(0, 52).OrderBy(_ => dealer.Next()).Take(count).Select(c => $"{Ranks[c % 13]}{Suits[c / 13]}").ToList();

    private static TableView View(string variant, IReadOnlyList<string> board) => new()
    {
        TableId = "t", Name = "t", Variant = variant, Status = TableStatus.Active, Board = board,
    };

    private static string Describe(PlayerAction action) => $"{action.Kind} {action.Amount} {string.Join(',', action.Cards ?? [])}";
}
