using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Tables.Model;
using static Orleans.Poker.Grains.Tests.Tables.Model.ModelTables;

namespace Orleans.Poker.Grains.Tests.Tables.Model;

public sealed class SeatHygieneTests
{
    [Fact]
    public void A_player_sitting_out_longer_than_the_limit_is_due_to_be_stood_up()
    {
        var state = Holdem(100, 100, 100);
        Seating.SitOut(state, 3, Now);
        var limit = state.Config!.SitOutLimit!.Value;

        Assert.Equal(Now + limit, SeatHygiene.NextDue(state, null));
        Assert.Empty(SeatHygiene.Due(state, null, Now + limit - TimeSpan.FromSeconds(1)));
        Assert.Equal([2], SeatHygiene.Due(state, null, Now + limit));
        Assert.Equal([2], TableClock.DueAt(state, null, Now + limit).StandUp);
        Assert.Equal(Now + limit, TableClock.Next(state, null, Now));
    }

    [Fact]
    public void The_limit_is_shorter_while_someone_waits_for_a_seat()
    {
        var state = Holdem(100, 100, 100);
        Seating.SitOut(state, 2, Now);

        state.WaitlistLength = 1;

        Assert.Equal(state.Config!.SitOutLimitWhenWaited, SeatHygiene.Limit(state));
        Assert.Equal(Now + state.Config.SitOutLimitWhenWaited!.Value, SeatHygiene.NextDue(state, null));
        Assert.StartsWith("sat out longer than 2 minutes", SeatHygiene.Reason(state, state.Seats[1]!), StringComparison.Ordinal);
    }

    [Fact]
    public void Sitting_back_in_stops_the_count()
    {
        var state = Holdem(100, 100, 100);
        Seating.SitOut(state, 3, Now);

        Seating.SitIn(state, null, 3);

        Assert.Null(state.Seats[2]!.SatOutAt);
        Assert.Null(SeatHygiene.NextDue(state, null));
    }

    [Fact]
    public void Hands_dealt_without_the_player_count_against_a_limit_in_hands()
    {
        var state = With(TableKit.Holdem() with { SitOutHandsLimit = 2, SitOutLimit = null }, 100, 100, 100);
        Seating.SitOut(state, 3, Now);
        Assert.Null(SeatHygiene.NextDue(state, null));

        Deal(state);
        Assert.Empty(SeatHygiene.Due(state, null, Now));
        Deal(state);

        Assert.Equal(2, state.Seats[2]!.HandsMissed);
        Assert.Equal([2], SeatHygiene.Due(state, null, Now));
        Assert.Equal("sat out 2 hands", SeatHygiene.Reason(state, state.Seats[2]!));
    }

    [Fact]
    public void A_player_still_in_the_hand_is_stood_up_only_when_it_ends()
    {
        var state = Holdem(100, 100, 100);
        var hand = Deal(state);
        var actor = Actor(state, hand);
        Seating.SitOut(state, actor, Now);
        var later = Now + state.Config!.SitOutLimit!.Value;

        Assert.Empty(SeatHygiene.Due(state, hand, later));
        Assert.Null(SeatHygiene.NextDue(state, hand));
        Assert.Single(SeatHygiene.Due(state, null, later));
    }

    [Fact]
    public void Robots_sit_and_go_players_and_paused_tables_are_never_stood_up()
    {
        var robots = Holdem(100, 100);
        Seating.SitOut(robots, 2, Now);
        robots.Seats[1]!.IsRobot = true;
        var sitAndGo = With(TableKit.Holdem() with { Type = TableType.SitAndGo, StartingStack = 100 }, 100, 100);
        Seating.SitOut(sitAndGo, 2, Now);
        var paused = Holdem(100, 100);
        Seating.SitOut(paused, 2, Now);
        paused.Status = TableStatus.Paused;
        var later = Now + TimeSpan.FromDays(1);

        Assert.Empty(SeatHygiene.Due(robots, null, later));
        Assert.Empty(SeatHygiene.Due(sitAndGo, null, later));
        Assert.Empty(TableClock.DueAt(paused, null, later).StandUp);
        Assert.Null(TableClock.Next(paused, null, later));
    }

    [Fact]
    public void A_seat_stored_sitting_out_without_its_time_counts_from_when_the_table_loads()
    {
        var state = Holdem(100, 100);
        state.Seats[1]!.SittingOut = true;

        SeatHygiene.Stamp(state, Now);

        Assert.Equal(Now, state.Seats[1]!.SatOutAt);
    }
}
