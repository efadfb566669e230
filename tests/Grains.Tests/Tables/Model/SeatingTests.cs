using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Storage;
using Orleans.Poker.Grains.Tables;
using Orleans.Poker.Grains.Tables.Model;
using static Orleans.Poker.Grains.Tests.Tables.Model.ModelTables;

namespace Orleans.Poker.Grains.Tests.Tables.Model;

public sealed class SeatingTests
{
    [Theory]
    [InlineData(39)]
    [InlineData(201)]
    public void A_buy_in_outside_the_range_is_refused(long buyIn)
    {
        var state = Holdem(100);
        var refusal = Assert.Throws<PokerException>(() => Seating.Admit(state, new SeatRequest(9, "Nine", buyIn)));
        Assert.Equal("invalid_buy_in", refusal.Code);
    }

    [Fact]
    public void The_first_free_seat_is_chosen_unless_it_is_held_for_someone_else()
    {
        var state = Holdem(100);
        state.Hold = new SeatHold { Seat = 1, PlayerId = 8, Until = Now.AddMinutes(1) };
        Assert.Equal(2, Seating.Admit(state, new SeatRequest(9, " Nine ", 100)).Seat);
        Assert.Equal(1, Seating.Admit(state, new SeatRequest(8, "Eight", 100)).Seat);
        Assert.Equal("seat_taken", Assert.Throws<PokerException>(() => Seating.Admit(state, new SeatRequest(9, "Nine", 100, Seat: 1))).Code);
        Assert.Equal("invalid_seat", Assert.Throws<PokerException>(() => Seating.Admit(state, new SeatRequest(9, "Nine", 100, Seat: 6))).Code);
    }

    [Fact]
    public void Taking_the_held_seat_ends_the_hold_and_names_are_trimmed()
    {
        var state = Holdem(100);
        state.Hold = new SeatHold { Seat = 1, PlayerId = 8, Until = Now.AddMinutes(1) };
        var admission = Seating.Admit(state, new SeatRequest(8, "  Eight ", 120));
        Assert.True(Seating.Take(state, admission, Now)); // offered from the waitlist
        Assert.False(Seating.Take(state, Seating.Admit(state, new SeatRequest(9, "Nine", 120)), Now));
        Assert.Null(state.Hold);
        Assert.Equal(("Eight", 120L), (state.Seats[1]!.Name, state.Seats[1]!.Stack));
        Assert.Equal("Player 9", Seating.NameOf(9, " "));
    }

    [Fact]
    public void A_private_table_needs_its_code_and_a_seated_player_cannot_sit_twice()
    {
        var state = Holdem(100);
        state.InviteCode = "abc123";
        Assert.Equal("forbidden", Assert.Throws<PokerException>(() => Seating.Admit(state, new SeatRequest(9, "Nine", 100, InviteCode: "abc124"))).Code);
        Assert.Equal(1, Seating.Admit(state, new SeatRequest(9, "Nine", 100, InviteCode: "abc123")).Seat);
        Assert.Equal("already_seated", Assert.Throws<PokerException>(() => Seating.Admit(state, new SeatRequest(1, "One", 100))).Code);
    }

    [Fact]
    public void A_full_table_points_to_its_waitlist_and_queueing_is_refused_while_a_seat_is_free()
    {
        var state = Holdem(100, 100, 100, 100, 100);
        Assert.Equal("seat_free", Assert.Throws<PokerException>(() => Seating.CheckQueue(state, 9, null)).Code);
        state.Seats[5] = new SeatState { PlayerId = 6, Name = "P6", Stack = 100 };
        var full = Assert.Throws<PokerException>(() => Seating.Admit(state, new SeatRequest(9, "Nine", 100)));
        Assert.Equal(("table_full", "The table is full: join its waitlist"), (full.Code, full.Message));
        Seating.CheckQueue(state, 9, null);
        Assert.Equal("already_seated", Assert.Throws<PokerException>(() => Seating.CheckQueue(state, 1, null)).Code);
    }

    [Fact]
    public void A_full_private_table_queues_only_a_player_with_its_code()
    {
        var state = Holdem(100, 100, 100, 100, 100, 100);
        state.InviteCode = "abc123";
        Assert.Equal("forbidden", Assert.Throws<PokerException>(() => Seating.CheckQueue(state, 9, null)).Code);
        var wrong = Assert.Throws<PokerException>(() => Seating.CheckQueue(state, 9, "abc124"));
        Assert.Equal(("forbidden", 403, "This private table needs its invite code"), (wrong.Code, wrong.Status, wrong.Message));
        Seating.CheckQueue(state, 9, "abc123");
        Assert.Equal("already_seated", Assert.Throws<PokerException>(() => Seating.CheckQueue(state, 1, "abc123")).Code);
    }

    [Fact]
    public void A_sit_and_go_refunds_its_fee_before_the_start_and_nothing_after()
    {
        var state = With(TableKit.Holdem(c => c with { Type = TableType.SitAndGo, MinBuyIn = 50, StartingStack = 1500 }));
        foreach (var id in new long[] { 1, 2 })
        {
            Seating.Take(state, Seating.Admit(state, new SeatRequest(id, $"P{id}", 0)), Now);
        }

        Assert.Equal((1500L, 100L), (state.Seats[0]!.Stack, state.PrizePool));
        Assert.Equal(50, Seating.Vacate(state, TableId, 0).Amount);
        Assert.Equal(50, state.PrizePool);

        state.SitAndGoStarted = true;
        Assert.Equal(0, Seating.Vacate(state, TableId, 1).Amount);
        Assert.Single(state.PendingTransfers);
    }

    [Fact]
    public void A_cash_game_seat_is_vacated_into_a_cash_out_of_its_stack()
    {
        var state = Holdem(100, 80);
        var (seat, amount) = Seating.Vacate(state, TableId, 1);
        Assert.Equal((2L, 80L), (seat.PlayerId, amount));
        Assert.Null(state.Seats[1]);
        var move = Assert.Single(state.PendingTransfers);
        Assert.Equal((2L, 80L, false), (move.PlayerId, move.Amount, move.ToTable));
    }

    [Fact]
    public void Leaving_during_the_hand_waits_for_its_end_and_on_ones_turn_runs_the_clock_out()
    {
        var state = Holdem(100, 100, 100);
        var hand = Deal(state);
        TableClock.OpenTurn(state, hand, Now);
        var actorSeat = state.HandSeats[hand.Actor!.Value];
        var other = state.HandSeats.First(s => s != actorSeat);

        Assert.True(Seating.LeaveAfterHand(state, hand, other, SeatLeftReason.Left, Now.AddSeconds(1)));
        Assert.Equal(Now + state.Config!.TurnTime, state.Deadline);
        Assert.True(Seating.LeaveAfterHand(state, hand, actorSeat, SeatLeftReason.Removed, Now.AddSeconds(1)));
        Assert.Equal(Now.AddSeconds(1), state.Deadline);
        Assert.Equal((false, true), (state.Seats[other]!.RemovedByAdmin, state.Seats[actorSeat]!.RemovedByAdmin));
        Assert.False(Seating.LeaveAfterHand(state, null, actorSeat, SeatLeftReason.Left, Now));
    }

    [Fact]
    public void Sitting_in_needs_chips_and_a_top_up_waits_for_the_end_of_ones_hand()
    {
        var state = Holdem(0, 100, 100);
        state.Seats[0]!.SittingOut = true;
        Assert.Equal("no_chips", Assert.Throws<PokerException>(() => Seating.SitIn(state, null, 1)).Code);
        Assert.Null(Seating.SitOut(state, 1, Now));
        Assert.Same(state.Seats[0], Seating.CheckTopUp(state, null, 1, 200));
        Assert.Equal("invalid_amount", Assert.Throws<PokerException>(() => Seating.CheckTopUp(state, null, 1, 201)).Code);

        var hand = Deal(state);
        Assert.Equal("hand_in_progress", Assert.Throws<PokerException>(() => Seating.CheckTopUp(state, hand, 2, 10)).Code);
        Assert.Equal("not_seated", Assert.Throws<PokerException>(() => Seating.CheckTopUp(state, hand, 9, 10)).Code);
    }

    [Fact]
    public void A_new_table_takes_the_templates_name_seats_its_robots_leaving_a_seat_and_private_ones_get_a_code()
    {
        var config = TableKit.Holdem(c => c with { MaxPlayers = 3, Robots = 5, Type = TableType.Expiring, TimeToLive = TimeSpan.FromHours(1) });
        var state = new TableState();
        Seating.Open(state, TableId, new TableCreation("t", 7, Private: true), 2, config, Now);
        Assert.Equal(("Test NLHE", 2, 7L, Now.AddHours(1)), (state.Name, state.TemplateVersion, state.CreatedBy, state.ExpiresAt!.Value));
        Assert.Equal(10, state.InviteCode!.Length);
        Assert.Equal([true, true, false], state.Seats.Select(s => s is { IsRobot: true, SittingOut: true, Stack: 0 }));

        var named = new TableState();
        Seating.Open(named, TableId, new TableCreation("t", 7, Name: "  Friday game "), 1, TableKit.Holdem(), Now);
        Assert.Equal(("Friday game", null, null), (named.Name, named.InviteCode, named.ExpiresAt));
    }
}
