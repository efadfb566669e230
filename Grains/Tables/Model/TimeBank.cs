using Orleans.Poker.Engine.Rules;
using Orleans.Poker.Grains.Interfaces.Templates;

namespace Orleans.Poker.Grains.Tables.Model;

/// <summary>
/// Each seat's time bank: extra time (<see cref="TemplateConfig.TimeBank"/>) spent automatically when the turn clock runs
/// out, so a phone call is not a fold. A seat starts with a full bank, and after every
/// <see cref="TemplateConfig.TimeBankRefillHands"/> hands dealt to it the bank is full again. What a turn spends of it is
/// taken off when the turn ends; a player who runs it out is timed out as usual. Disconnected players get it too (the
/// clock does not know who is connected); robots, and players sitting out or leaving, do not need it.
/// </summary>
public static class TimeBank
{
    /// <summary>A seat taken starts with a full bank.</summary>
    public static void Fill(TableState state, SeatState seat)
    {
        seat.TimeBank = state.Config!.TimeBank;
        seat.HandsSinceRefill = 0;
    }

    /// <summary>A hand was dealt: each seat in it counts one more towards its refill.</summary>
    public static void HandDealt(TableState state)
    {
        foreach (var index in state.HandSeats)
        {
            var seat = state.Seats[index]!;
            if (++seat.HandsSinceRefill >= state.Config!.TimeBankRefillHands)
            {
                Fill(state, seat);
            }
        }
    }

    /// <summary>
    /// The turn clock ran out: the player to act goes on their bank (the deadline moves by what is left of it) and the
    /// seat is returned; null when the clock acts for them instead (no bank left, already on it, a robot, sitting out or
    /// leaving).
    /// </summary>
    public static SeatState? Start(TableState state, Hand hand, DateTimeOffset now)
    {
        if (hand.Actor is not int actor || state.TimeBankFrom is not null)
        {
            return null;
        }

        var index = state.HandSeats[actor];
        var seat = state.Seats[index]!;
        if (seat.TimeBank <= TimeSpan.Zero || seat.IsRobot || seat.SittingOut || seat.LeaveAfterHand)
        {
            return null;
        }

        state.TimeBankFrom = now;
        state.TimeBankSeat = index;
        state.Deadline = now + seat.TimeBank;
        return seat;
    }

    /// <summary>The turn ended (a move was made, by the player or the clock): what it spent of the bank is taken off.</summary>
    public static void Settle(TableState state, DateTimeOffset now)
    {
        if (state.TimeBankFrom is { } from && state.TimeBankSeat is int index && state.Seats[index] is { } seat)
        {
            var left = seat.TimeBank - (now - from);
            seat.TimeBank = left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }

        Clear(state);
    }

    /// <summary>No turn is on a bank (a new turn's clock starts, or a reloaded table gives the player a whole turn again).</summary>
    public static void Clear(TableState state)
    {
        state.TimeBankFrom = null;
        state.TimeBankSeat = null;
    }
}
