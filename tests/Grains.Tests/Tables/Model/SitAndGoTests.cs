using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Tables.Model;
using static Orleans.Poker.Grains.Tests.Tables.Model.ModelTables;

namespace Orleans.Poker.Grains.Tests.Tables.Model;

public sealed class SitAndGoTests
{
    private static readonly TemplateConfig Tournament = TableKit.Holdem(c => c with
    {
        Type = TableType.SitAndGo,
        BlindLevels =
        [
            new BlindLevel(10, 20, 0, TimeSpan.FromMinutes(5)),
            new BlindLevel(20, 40, 5, TimeSpan.FromMinutes(5)),
            new BlindLevel(50, 100, 10, TimeSpan.FromMinutes(5)),
        ],
    });

    [Fact]
    public void Levels_start_with_the_first_hand_and_move_up_by_the_clock_to_the_last()
    {
        var state = With(Tournament, 1500, 1500);
        Assert.Equal((10L, 20L, 0L), Blinds(state));

        SitAndGo.BeforeHand(state, Now);
        Assert.True(state.SitAndGoStarted);
        Assert.Equal(Now.AddMinutes(5), state.LevelEndsAt);

        SitAndGo.BeforeHand(state, Now.AddMinutes(6));
        Assert.Equal((20L, 40L, 5L), Blinds(state));

        SitAndGo.BeforeHand(state, Now.AddMinutes(12));
        Assert.Equal(2, state.Level);
        Assert.Equal((50L, 100L, 10L), Blinds(state));
    }

    [Fact]
    public void Past_the_last_level_the_stakes_keep_doubling_so_a_tournament_nobody_plays_still_ends()
    {
        var state = With(Tournament, 1500, 1500);
        SitAndGo.BeforeHand(state, Now);

        SitAndGo.BeforeHand(state, Now.AddMinutes(16));
        var fourth = Blinds(state);
        SitAndGo.BeforeHand(state, Now.AddMinutes(21));
        var fifth = Blinds(state);
        SitAndGo.BeforeHand(state, Now.AddDays(30));
        var afterAnOutage = Blinds(state);

        Assert.Equal((100L, 200L, 20L), fourth);
        Assert.Equal((200L, 400L, 40L), fifth);
        Assert.Equal((400L, 800L, 80L), afterAnOutage);
    }

    [Fact]
    public void Stakes_stop_doubling_at_the_chip_cap_and_a_stud_bring_in_stays_below_its_small_bet()
    {
        var stud = With(Tournament with
        {
            Variant = "F7S", BringIn = 5, SmallBet = 20, BigBet = 40,
            BlindLevels = [new BlindLevel(0, 0, 5, TimeSpan.FromMinutes(5)), new BlindLevel(0, 0, 20, TimeSpan.FromMinutes(5))],
        }, 1500, 1500);
        var at = Now;
        SitAndGo.BeforeHand(stud, at);
        for (var hand = 0; hand < 200; hand++)
        {
            at = at.AddMinutes(6);
            SitAndGo.BeforeHand(stud, at);
        }

        var stakes = SitAndGo.StakesOf(stud);
        Assert.InRange(stakes.BigBet, TemplateValidator.MaxChips / 2, TemplateValidator.MaxChips);
        Assert.True(stakes.BringIn < stakes.SmallBet && stakes.SmallBet <= stakes.BigBet, stakes.ToString());
        Assert.Null(new Engine.Rules.HandConfig
        {
            Variant = Engine.Rules.Variants.Get("F7S"), StartingStacks = [1500, 1500], Antes = [stakes.Ante, stakes.Ante],
            BringIn = stakes.BringIn, SmallBet = stakes.SmallBet, BigBet = stakes.BigBet,
        }.Validate());
    }

    [Fact]
    public void A_fixed_limit_or_stud_tournaments_bets_grow_with_its_levels()
    {
        var limit = With(Tournament with { Variant = "FT", SmallBet = 20, BigBet = 40 }, 1500, 1500);
        var stud = With(Tournament with
        {
            Variant = "F7S", BringIn = 5, SmallBet = 20, BigBet = 40,
            BlindLevels = [new BlindLevel(0, 0, 5, TimeSpan.FromMinutes(5)), new BlindLevel(0, 0, 20, TimeSpan.FromMinutes(5))],
        }, 1500, 1500);
        foreach (var state in new[] { limit, stud })
        {
            SitAndGo.BeforeHand(state, Now);
            SitAndGo.BeforeHand(state, Now.AddMinutes(6));
        }

        Assert.Equal((40L, 80L), (SitAndGo.StakesOf(limit).SmallBet, SitAndGo.StakesOf(limit).BigBet));
        Assert.Equal((20L, 80L, 160L), (SitAndGo.StakesOf(stud).BringIn, SitAndGo.StakesOf(stud).SmallBet, SitAndGo.StakesOf(stud).BigBet));
    }

    [Fact]
    public void The_level_clock_stops_while_the_room_is_under_maintenance_or_the_table_is_paused()
    {
        var state = With(Tournament, 1500, 1500);
        SitAndGo.BeforeHand(state, Now);

        state.Maintenance = true;
        SitAndGo.HoldChanged(state, wasOnHold: false, Now.AddMinutes(1));
        state.Maintenance = false;
        SitAndGo.HoldChanged(state, wasOnHold: true, Now.AddMinutes(21));
        SitAndGo.BeforeHand(state, Now.AddMinutes(22));
        var afterMaintenance = Blinds(state);
        state.Status = Interfaces.Tables.TableStatus.Paused;
        SitAndGo.HoldChanged(state, wasOnHold: false, Now.AddMinutes(23));
        state.Maintenance = true;
        SitAndGo.HoldChanged(state, wasOnHold: true, Now.AddMinutes(24));
        state.Status = Interfaces.Tables.TableStatus.Waiting;
        state.Maintenance = false;
        SitAndGo.HoldChanged(state, wasOnHold: true, Now.AddMinutes(33));
        SitAndGo.BeforeHand(state, Now.AddMinutes(34));

        Assert.Equal((10L, 20L, 0L), afterMaintenance);
        Assert.Equal(Now.AddMinutes(5 + 20 + 10), state.LevelEndsAt);
        Assert.Equal((10L, 20L, 0L), Blinds(state));
        Assert.Null(state.HeldSince);
    }

    [Fact]
    public void A_cash_game_uses_the_templates_blinds()
    {
        var state = Holdem(100, 100);
        SitAndGo.BeforeHand(state, Now);
        Assert.False(state.SitAndGoStarted);
        Assert.Equal((1L, 2L, 0L), Blinds(state));
    }

    [Fact]
    public void A_robot_leaving_a_sit_and_go_before_its_start_gets_no_fee_back()
    {
        var state = With(Tournament, 1500, 1500);
        state.Seats[0]!.IsRobot = true;
        state.PrizePool = 100;

        var (_, amount) = Seating.Vacate(state, TableId, 0);

        Assert.Equal(0, amount);
        Assert.Equal(100, state.PrizePool);
        Assert.Empty(state.PendingTransfers);
    }

    [Fact]
    public void Nobody_left_finishes_without_a_prize()
    {
        var state = With(Tournament);
        state.PrizePool = 0;
        Assert.Null(SitAndGo.Finish(state, TableId));
        Assert.Empty(state.PendingTransfers);
        Assert.Equal("finished", state.CloseReason);
    }

    private static (long SmallBlind, long BigBlind, long Ante) Blinds(Orleans.Poker.Grains.Tables.TableState state)
    {
        var stakes = SitAndGo.StakesOf(state);
        return (stakes.SmallBlind, stakes.BigBlind, stakes.Ante);
    }
}
