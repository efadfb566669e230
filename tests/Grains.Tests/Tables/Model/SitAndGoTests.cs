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
        Assert.Equal((10L, 20L, 0L), SitAndGo.Blinds(state));

        SitAndGo.BeforeHand(state, Now);
        Assert.True(state.SitAndGoStarted);
        Assert.Equal(Now.AddMinutes(5), state.LevelEndsAt);

        SitAndGo.BeforeHand(state, Now.AddMinutes(6));
        Assert.Equal((20L, 40L, 5L), SitAndGo.Blinds(state));

        SitAndGo.BeforeHand(state, Now.AddHours(2));
        Assert.Equal(2, state.Level);
        Assert.Equal((50L, 100L, 10L), SitAndGo.Blinds(state));
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
        var afterMaintenance = SitAndGo.Blinds(state);
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
        Assert.Equal((10L, 20L, 0L), SitAndGo.Blinds(state));
        Assert.Null(state.HeldSince);
    }

    [Fact]
    public void A_cash_game_uses_the_templates_blinds()
    {
        var state = Holdem(100, 100);
        SitAndGo.BeforeHand(state, Now);
        Assert.False(state.SitAndGoStarted);
        Assert.Equal((1L, 2L, 0L), SitAndGo.Blinds(state));
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
}
