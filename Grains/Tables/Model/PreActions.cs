using Orleans.Poker.Engine.Rules;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Tables;
using WireAction = Orleans.Poker.Grains.Interfaces.Tables.PlayerAction;
using WireActionKind = Orleans.Poker.Grains.Interfaces.Tables.ActionKind;
using WireLegal = Orleans.Poker.Grains.Interfaces.Tables.LegalActions;

namespace Orleans.Poker.Grains.Tables.Model;

/// <summary>
/// Pre-selected actions: chosen before one's turn for the street in play, kept only while they still mean what the
/// player saw (a check while nothing is bet, a call of the same amount; check/fold and call-any always), applied the
/// moment the turn comes if the engine allows them, and gone after the street.
/// </summary>
public static class PreActions
{
    /// <summary>Sets or clears a player's pre-action for the street in play, or refuses it (typed, nothing changed).</summary>
    public static PreAction? Choose(TableState state, Hand? hand, long playerId, long handNo, PreAction? choice)
    {
        var tableSeat = Seating.Occupied(state, playerId);
        if (hand is null || hand.IsOver)
        {
            throw PokerException.Conflict("no_hand", "No hand is being played");
        }

        if (handNo != state.HandNo)
        {
            throw PokerException.Conflict("stale_action", "That was for an earlier hand; look at the table again");
        }

        var handSeat = Seating.HandSeatOf(state, hand, tableSeat);
        if (handSeat is not int h || hand.IsFolded(h))
        {
            throw PokerException.Conflict("not_in_hand", "You are not in this hand");
        }

        var seat = state.Seats[tableSeat]!;
        if (choice is null)
        {
            seat.PreAction = null;
            return null;
        }

        if (!Enum.IsDefined(choice.Kind) || choice.Amount < 0)
        {
            throw new PokerException("invalid_pre_action", "That is not a pre-action");
        }

        if (hand.Actor == h)
        {
            throw PokerException.Conflict("your_turn", "It is your turn: act now");
        }

        if (hand.IsAllIn(h))
        {
            throw PokerException.Conflict("all_in", "You are all-in: there is nothing to decide");
        }

        var toCall = ToCall(hand, h);
        if (choice.Kind == PreActionKind.Check && toCall > 0)
        {
            throw PokerException.Conflict("cannot_check", $"You cannot check: you face a bet of {toCall}");
        }

        if (choice.Kind == PreActionKind.Call && choice.Amount != toCall)
        {
            throw PokerException.Conflict("call_changed", $"The amount to call is now {toCall}");
        }

        var kept = choice.Kind == PreActionKind.Call ? choice : choice with { Amount = 0 };
        seat.PreAction = new ChosenPreAction(kept, state.HandNo, hand.StreetIndex);
        return kept;
    }

    /// <summary>After every move: drops the pre-actions the move made stale (another street or hand, a changed bet).</summary>
    public static void Review(TableState state, Hand? hand)
    {
        for (var h = 0; h < state.HandSeats.Length; h++)
        {
            var seat = state.Seats[state.HandSeats[h]];
            if (seat?.PreAction is { } chosen && !StillMeant(chosen, state, hand, h))
            {
                seat.PreAction = null;
            }
        }
    }

    /// <summary>
    /// The pre-action of the player whose turn just opened, as the action it now is, taken from the seat (used once);
    /// null when there is none or it does not fit this turn (a discard or bring-in, a bet it was not meant for).
    /// </summary>
    public static WireAction? Take(TableState state, Hand hand)
    {
        if (hand.IsOver || hand.Actor is not int actor || state.Seats[state.HandSeats[actor]] is not { PreAction: { } chosen } seat)
        {
            return null;
        }

        seat.PreAction = null;
        return StillMeant(chosen, state, hand, actor) ? Resolve(chosen.Choice, WireMapping.ToWire(hand.GetLegalActions())) : null;
    }

    /// <summary>What a pre-action is on a turn with these legal actions; null when it does not apply.</summary>
    public static WireAction? Resolve(PreAction choice, WireLegal legal)
    {
        if (legal.DiscardMin is not null || legal.BringIn is not null)
        {
            return null;
        }

        var check = new WireAction(WireActionKind.Check);
        var call = new WireAction(WireActionKind.Call);
        return choice.Kind switch
        {
            PreActionKind.CheckFold => legal.CanCheck ? check : legal.CanFold ? new WireAction(WireActionKind.Fold) : null,
            PreActionKind.Check => legal.CanCheck ? check : null,
            PreActionKind.Call when choice.Amount == 0 => legal.CanCheck ? check : null,
            PreActionKind.Call => !legal.CanCheck && legal.CallAmount == choice.Amount ? call : null,
            PreActionKind.CallAny => legal.CanCheck ? check : legal.CallAmount is not null ? call : null,
            _ => null,
        };
    }

    /// <summary>What the engine seat must put in to call on this street (capped by its stack).</summary>
    public static long ToCall(Hand hand, int handSeat)
    {
        long highest = 0;
        foreach (var bet in hand.Bets)
        {
            highest = Math.Max(highest, bet);
        }

        return Math.Min(highest - hand.Bets[handSeat], hand.Stacks[handSeat]);
    }

    private static bool StillMeant(ChosenPreAction chosen, TableState state, Hand? hand, int handSeat) =>
        hand is not null && !hand.IsOver && chosen.HandNo == state.HandNo && chosen.Street == hand.StreetIndex
        && !hand.IsFolded(handSeat) && !hand.IsAllIn(handSeat)
        && chosen.Choice.Kind switch
        {
            PreActionKind.Check => ToCall(hand, handSeat) == 0,
            PreActionKind.Call => ToCall(hand, handSeat) == chosen.Choice.Amount,
            _ => true,
        };
}
