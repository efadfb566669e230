using Orleans.Poker.Grains.Tables.Model;
using static Orleans.Poker.Grains.Tests.Tables.Model.ModelTables;

namespace Orleans.Poker.Grains.Tests.Tables.Model;

public sealed class TimeBankTests
{
    private static readonly TimeSpan Bank = TimeSpan.FromSeconds(30);

    [Fact]
    public void When_the_turn_clock_runs_out_the_player_goes_on_their_bank()
    {
        var state = Banked();
        var hand = Deal(state);
        TableClock.OpenTurn(state, hand, Now);
        var end = Now + state.Config!.TurnTime;

        var seat = TimeBank.Start(state, hand, end);

        Assert.NotNull(seat);
        Assert.Equal(end + Bank, state.Deadline);
        Assert.True(TableProjection.View(state, hand, TableId).OnTimeBank);
        Assert.Null(TimeBank.Start(state, hand, end + Bank)); // once per turn: then the clock acts
    }

    [Fact]
    public void A_move_takes_off_only_what_the_turn_spent_of_the_bank()
    {
        var state = Banked();
        var hand = Deal(state);
        TableClock.OpenTurn(state, hand, Now);
        var seat = TimeBank.Start(state, hand, Now.AddSeconds(20))!;

        TableClock.OpenTurn(state, hand, Now.AddSeconds(32));

        Assert.Equal(TimeSpan.FromSeconds(18), seat.TimeBank);
        Assert.Null(state.TimeBankFrom);
        Assert.False(TableProjection.View(state, hand, TableId).OnTimeBank);
    }

    [Fact]
    public void A_bank_run_out_is_empty_and_the_clock_acts_next_time()
    {
        var state = Banked();
        var hand = Deal(state);
        TableClock.OpenTurn(state, hand, Now);
        var seat = TimeBank.Start(state, hand, Now)!;

        TableClock.OpenTurn(state, hand, Now + Bank + TimeSpan.FromSeconds(5));

        Assert.Equal(TimeSpan.Zero, seat.TimeBank);
        Assert.Null(TimeBank.Start(state, hand, Now.AddMinutes(1)));
    }

    [Fact]
    public void Robots_and_players_sitting_out_get_no_bank()
    {
        var robots = Banked();
        var hand = Deal(robots);
        robots.Seats[robots.HandSeats[hand.Actor!.Value]]!.IsRobot = true;
        var away = Banked();
        var awayHand = Deal(away);
        away.Seats[away.HandSeats[awayHand.Actor!.Value]]!.SittingOut = true;

        Assert.Null(TimeBank.Start(robots, hand, Now));
        Assert.Null(TimeBank.Start(away, awayHand, Now));
    }

    [Fact]
    public void A_bank_is_full_again_after_the_templates_number_of_hands()
    {
        var state = Banked();
        var seat = state.Seats[0]!;
        seat.TimeBank = TimeSpan.FromSeconds(3);

        for (var i = 0; i < state.Config!.TimeBankRefillHands - 1; i++)
        {
            Deal(state);
        }

        Assert.Equal(TimeSpan.FromSeconds(3), seat.TimeBank);
        Deal(state);
        Assert.Equal(Bank, seat.TimeBank);
        Assert.Equal(0, seat.HandsSinceRefill);
    }

    [Fact]
    public void A_seat_taken_starts_with_a_full_bank()
    {
        var state = Banked();

        Seating.Take(state, Seating.Admit(state, new Orleans.Poker.Grains.Interfaces.Tables.SeatRequest(9, "Nine", 100)), Now);

        Assert.Equal(Bank, state.Seats.Single(s => s?.PlayerId == 9)!.TimeBank);
    }

    private static Orleans.Poker.Grains.Tables.TableState Banked()
    {
        var state = With(TableKit.Holdem(c => c with { TimeBank = Bank, TimeBankRefillHands = 3 }), 100, 100);
        foreach (var seat in state.Seats.OfType<Orleans.Poker.Grains.Tables.SeatState>())
        {
            TimeBank.Fill(state, seat);
        }

        return state;
    }
}
