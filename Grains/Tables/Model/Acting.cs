using Orleans.Poker.Engine.Rules;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Robots;
using EngineAction = Orleans.Poker.Engine.Rules.PlayerAction;
using EngineActionKind = Orleans.Poker.Engine.Rules.ActionKind;
using WireAction = Orleans.Poker.Grains.Interfaces.Tables.PlayerAction;
using WireActionKind = Orleans.Poker.Grains.Interfaces.Tables.ActionKind;

namespace Orleans.Poker.Grains.Tables.Model;

/// <summary>
/// Moves in the hand in progress: a player's action (checked against the turn it was meant for and the engine's
/// rules, answered once per client sequence number), a pre-selected action when its turn comes, the clock's action for
/// a player out of time, and a robot's.
/// Each applies to the engine hand and the table state and returns the event text.
/// </summary>
public static class Acting
{
    /// <summary>
    /// Accepted answers remembered per player, for retries with the same client sequence number. An answer lost while
    /// a silo hands the table over is retried only after the caller's response timeout (10 s), and a quick player may
    /// have acted several times meanwhile: with four kept, such a retry met a later hand and was refused.
    /// </summary>
    public const int RecentActsKept = 16;

    /// <summary>The answer already given to this client sequence number, if any.</summary>
    public static ActResult? Replay(TableState state, long playerId, long clientSeq) =>
        state.RecentActs.TryGetValue(playerId, out var recent) ? recent.Find(r => r.ClientSeq == clientSeq) : null;

    /// <summary>
    /// Applies a player's action to the turn it names, or refuses it (typed, nothing changed). The answer names the
    /// event the action will be recorded as, and is remembered with it.
    /// </summary>
    public static (ActResult Result, string Description) Apply(TableState state, Hand? hand, long playerId, TurnRef turn, WireAction action, long clientSeq)
    {
        var tableSeat = Seating.Occupied(state, playerId);
        if (hand is null || hand.IsOver)
        {
            throw PokerException.Conflict("no_hand", "No hand is being played");
        }

        if (turn.HandNo != state.HandNo || turn.TurnId != state.TurnId)
        {
            // A button or request kept from an earlier street or hand never acts on this one.
            throw PokerException.Conflict("stale_action", "That action was for an earlier turn; look at the table again");
        }

        var handSeat = Seating.HandSeatOf(state, hand, tableSeat) ?? throw PokerException.Conflict("not_in_hand", "You are not in this hand");
        var legal = hand.Actor == handSeat ? hand.GetLegalActions() : default;
        if (action.Kind == WireActionKind.Check && hand.Actor == handSeat && !legal.CanCheck)
        {
            // "Check" is never read as a call: facing a bet, the player must say what they mean.
            throw PokerException.Conflict("cannot_check", legal.CanCall
                ? $"You cannot check: you face a bet of {legal.CallAmount} (call, raise or fold)"
                : "You cannot check now");
        }

        var engineAction = WireMapping.ToEngine(action, handSeat);
        var betMade = BetMade(hand);
        if (!hand.TryApply(engineAction, out var error))
        {
            throw WireMapping.ToPokerException(error!, place => Seating.NameInHand(state, place));
        }

        var seat = Acted(state, hand, handSeat, engineAction);
        var result = new ActResult(clientSeq, state.EventSeq + 1, state.TableVersion + 1);
        Remember(state, playerId, result);
        return (result, $"{seat.Name} {Describe(action, legal, betMade, hand.IsAllIn(handSeat))}");
    }

    /// <summary>
    /// The pre-action of the player whose turn just opened (<see cref="PreActions.Take"/>), applied as their own action;
    /// null when there is none to apply (nothing changed).
    /// </summary>
    public static string? PreSelected(TableState state, Hand hand)
    {
        if (hand.Actor is not int actor || PreActions.Take(state, hand) is not { } action)
        {
            return null;
        }

        var legal = hand.GetLegalActions();
        var betMade = BetMade(hand);
        var engineAction = WireMapping.ToEngine(action, actor);
        if (!hand.TryApply(engineAction, out _))
        {
            return null;
        }

        var seat = Acted(state, hand, actor, engineAction);
        return $"{seat.Name} {Describe(action, legal, betMade, hand.IsAllIn(actor))} (pre-selected)";
    }

    /// <summary>
    /// The clock acts for a player out of time (<see cref="TableClock.TimeoutAction"/>); enough timeouts in a row sit
    /// them out (not a player already leaving). A person's timeout counts in the table's <see cref="TableState.Timeouts"/>
    /// (a robot's turn falls to the clock only when its strategy was refused).
    /// </summary>
    public static string TimeOut(TableState state, Hand hand, int actor, DateTimeOffset now)
    {
        var action = TableClock.TimeoutAction(hand, actor);
        hand.Apply(action);
        var seat = state.Seats[state.HandSeats[actor]]!;
        if (!seat.IsRobot)
        {
            state.Timeouts++;
        }

        if (!seat.LeaveAfterHand)
        {
            seat.Timeouts++;
            if (seat.Timeouts >= state.Config!.TimeoutsBeforeSitOut && !seat.SittingOut)
            {
                SeatHygiene.SitOut(seat, now);
            }
        }

        return $"{seat.Name} timed out: {action.Kind switch { EngineActionKind.Fold => "folds", EngineActionKind.CheckOrCall => "checks", _ => "acts" }}";
    }

    /// <summary>A robot decides from what its seat may see and acts; null if the engine refused its choice (nothing changed).</summary>
    public static string? Robot(TableState state, Hand hand, int actor, string tableId)
    {
        var tableSeat = state.HandSeats[actor];
        var seat = state.Seats[tableSeat]!;
        var mine = TableProjection.PrivateViews(state, hand).First(p => p.Seat == tableSeat);
        var decision = RobotStrategy.For(seat.PlayerId).Decide(mine.Cards, TableProjection.View(state, hand, tableId), mine.Legal!);
        var legal = hand.GetLegalActions();
        var betMade = BetMade(hand);
        return hand.TryApply(WireMapping.ToEngine(decision, actor), out _)
            ? $"{seat.Name} {Describe(decision, legal, betMade, hand.IsAllIn(actor))}"
            : null;
    }

    /// <summary>What an action did, for the event text: a call names its amount, a bet or raise what it opened or raised.</summary>
    public static string Describe(WireAction action, Engine.Rules.LegalActions before, bool betMade, bool allIn)
    {
        var toCall = before.CanCall ? before.CallAmount : 0;
        var text = action.Kind switch
        {
            WireActionKind.Fold => "folds",
            WireActionKind.Check or WireActionKind.Call when toCall == 0 => "checks",
            WireActionKind.Check or WireActionKind.Call => $"calls {toCall}",
            WireActionKind.BetOrRaise when betMade => $"raises to {action.Amount}",
            WireActionKind.BetOrRaise => $"bets {action.Amount}",
            WireActionKind.BringIn => "brings in",
            WireActionKind.Discard => action.Cards is { Count: > 0 } c ? $"draws {c.Count}" : "stands pat",
            _ => action.Kind.ToString(),
        };
        return allIn && action.Kind is WireActionKind.Call or WireActionKind.Check or WireActionKind.BetOrRaise ? text + ", all-in" : text;
    }

    /// <summary>What a player's own accepted action changes besides the hand: their timeouts in a row end, a call or raise is voluntary.</summary>
    private static SeatState Acted(TableState state, Hand hand, int handSeat, EngineAction engineAction)
    {
        var seat = state.Seats[state.HandSeats[handSeat]]!;
        seat.Timeouts = 0;
        if (engineAction.Kind is EngineActionKind.CheckOrCall or EngineActionKind.CompleteBetOrRaiseTo && hand.Events.Count > 0
            && state.HandVoluntary.Length > handSeat)
        {
            // Posting blinds is not voluntary; a call or raise on any street is.
            state.HandVoluntary[handSeat] = true;
        }

        return seat;
    }

    private static void Remember(TableState state, long playerId, ActResult result)
    {
        if (!state.RecentActs.TryGetValue(playerId, out var list))
        {
            state.RecentActs[playerId] = list = [];
        }

        list.Add(result);
        if (list.Count > RecentActsKept)
        {
            list.RemoveAt(0);
        }
    }

    private static bool BetMade(Hand hand)
    {
        foreach (var bet in hand.Bets)
        {
            if (bet > 0)
            {
                return true;
            }
        }

        return false;
    }
}
