using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Tables;
using Orleans.Poker.Grains.Tables.Model;

namespace Orleans.Poker.Grains.Tests.Tables.Model;

public sealed class HostControlsTests
{
    [Fact]
    public void Limits_come_from_the_template_and_the_small_blind_keeps_its_proportion()
    {
        var template = TableKit.Holdem(c => c with { SmallBlind = 2, BigBlind = 5, MaxBuyIn = 1000, TurnTime = TimeSpan.FromSeconds(30) });
        var state = new TableState { CreatedBy = 9, Config = template };

        var description = HostControls.Change(state, template, 20, null);

        Assert.Equal((2, 20), (HostControls.MinBigBlind(template), HostControls.MaxBigBlind(template)));
        Assert.Equal((TimeSpan.FromSeconds(15), TimeSpan.FromMinutes(2)), (HostControls.MinTurnTime(template), HostControls.MaxTurnTime(template)));
        Assert.Equal(8, state.PendingSettings!.SmallBlind);
        Assert.Equal("the host changes the game from the next hand: blinds 8/20, 30 s to act", description);
    }

    [Fact]
    public void The_maximum_buy_in_stays_at_least_twenty_big_blinds()
    {
        var template = TableKit.Holdem(c => c with { SmallBlind = 5, BigBlind = 10, MaxBuyIn = 500 });

        Assert.Equal(25, HostControls.MaxBigBlind(template));
    }

    [Fact]
    public void Fixed_limit_blinds_cannot_change_but_their_turn_time_can()
    {
        var template = TableKit.Holdem(c => c with { Variant = "FT", SmallBet = 2, BigBet = 4 });
        var state = new TableState { CreatedBy = 9, Config = template };

        var refused = Assert.Throws<PokerException>(() => HostControls.Change(state, template, 4, null));
        HostControls.Change(state, template, null, TimeSpan.FromSeconds(30));

        Assert.Equal("blinds_fixed", refused.Code);
        Assert.Equal((1, 2, TimeSpan.FromSeconds(30)), (state.PendingSettings!.SmallBlind, state.PendingSettings.BigBlind, state.PendingSettings.TurnTime));
    }

    [Fact]
    public void A_change_back_to_the_settings_in_play_clears_the_pending_one_and_applying_makes_them_the_tables()
    {
        var template = TableKit.Holdem();
        var state = new TableState { CreatedBy = 9, Config = template };

        HostControls.Change(state, template, 6, null);
        HostControls.Change(state, template, 2, null);
        var nothing = HostControls.Apply(state);
        HostControls.Change(state, template, 6, TimeSpan.FromSeconds(25));
        var applied = HostControls.Apply(state);

        Assert.Null(nothing);
        Assert.Equal(applied, HostControls.Current(state));
        Assert.Equal((3, 6, TimeSpan.FromSeconds(25)), (state.Config!.SmallBlind, state.Config.BigBlind, state.Config.TurnTime));
        Assert.Null(state.PendingSettings);
    }

    [Fact]
    public void Fractions_of_a_second_are_refused()
    {
        var template = TableKit.Holdem();
        var state = new TableState { CreatedBy = 9, Config = template };

        var refused = Assert.Throws<PokerException>(() => HostControls.Change(state, template, null, TimeSpan.FromSeconds(30.5)));

        Assert.Equal("out_of_limits", refused.Code);
        Assert.Null(state.PendingSettings);
    }
}
