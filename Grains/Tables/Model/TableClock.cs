using Orleans.Poker.Engine.Rules;
using Orleans.Poker.Grains.Interfaces.Tables;
using PlayerAction = Orleans.Poker.Engine.Rules.PlayerAction;
using Orleans.Poker.Grains.Interfaces.Templates;

namespace Orleans.Poker.Grains.Tables.Model;

/// <summary>What is due at a table, and when: the turn clock, a robot's move, the next hand, a seat hold, the expiry
/// warning, the expiry, the idle close of a player's table (<see cref="TableHygiene"/>) and its warning, a sit-out limit (<see cref="SeatHygiene"/>), and retries of unconfirmed chip moves and unstored
/// hand histories.</summary>
public static class TableClock
{
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan RobotThinkTime = TimeSpan.FromSeconds(1);

    /// <summary>What the timer finds due, in the order it is done (<see cref="StandUp"/>: the seats to stand up).</summary>
    /// <remarks>
    /// <see cref="CloseAsked"/>: a close was asked for and no hand is in play, yet the table is open (the close after a
    /// hand was cut short by a failure or a crash between that hand's writes): it closes now. <see cref="SeatUnoffered"/>:
    /// a seat is free, nobody holds it and the table's queue is not empty (the seat's offer was cut short by a failure or a
    /// crash before its hold was stored) or its template's queue could not be asked (<see cref="TableState.TemplateQueueUnasked"/>):
    /// it is offered again, every <see cref="RetryInterval"/>.
    /// </remarks>
    public sealed record Due(bool HoldExpired, bool SeatUnoffered, bool WarnExpiry, bool Expired, bool CloseAsked, bool WarnIdle, bool Idle, IReadOnlyList<int> StandUp, bool RobotActs, bool TurnTimedOut);

    /// <summary>Opens the next turn: its id is the event about to be recorded (0 when nobody is to act), and its clock starts.</summary>
    public static void OpenTurn(TableState state, Hand? hand, DateTimeOffset now)
    {
        TimeBank.Settle(state, now);
        state.TurnId = hand?.Actor is null ? 0 : state.EventSeq + 1;
        ArmTurn(state, hand, now);
    }

    /// <summary>
    /// The turn clock of the player to act, and a robot's thinking time; none when nobody is to act. A player sitting
    /// out or leaving gets no time at all.
    /// </summary>
    public static void ArmTurn(TableState state, Hand? hand, DateTimeOffset now)
    {
        state.Deadline = null;
        state.RobotActsAt = null;
        TimeBank.Clear(state);
        if (hand?.Actor is not int actor)
        {
            return;
        }

        var seat = state.Seats[state.HandSeats[actor]]!;
        state.Deadline = seat.SittingOut || seat.LeaveAfterHand ? now : now + state.Config!.TurnTime;
        if (seat.IsRobot)
        {
            state.RobotActsAt = now + RobotThinkTime;
        }
    }

    /// <summary>The earliest moment something is due; null when nothing is.</summary>
    public static DateTimeOffset? Next(TableState state, Hand? hand, DateTimeOffset now)
    {
        DateTimeOffset? next = null;
        void Consider(DateTimeOffset? at)
        {
            if (at is { } t && (next is null || t < next))
            {
                next = t;
            }
        }

        if (state.Status != TableStatus.Ended)
        {
            Consider(hand is not null ? state.RobotActsAt ?? state.Deadline : null);
            Consider(hand is not null && state.RobotActsAt is not null ? state.Deadline : null);
            Consider(hand is null && !HandCycle.OnHold(state) ? state.NextHandAt : null);
            Consider(state.Hold?.Until);
            Consider(SeatUnoffered(state) ? now + RetryInterval : null);
            Consider(state.ExpiresAt is { } e && state.Config?.ExpiryWarning is { } w && !state.ExpiryWarned ? e - w : null);
            Consider(state.ExpiresAt);
            Consider(!HandCycle.OnHold(state) ? SeatHygiene.NextDue(state, hand) : null);
            Consider(hand is null ? TableHygiene.WarnsAt(state) ?? TableHygiene.ClosesAt(state) : null);
            Consider(hand is null && state.CloseReason is not null ? now : null);
        }

        Consider(Owes(state) ? now + RetryInterval : null);
        return next;
    }

    /// <summary>Whether the table still has work for its timer and watchdog: open, or ended with something it owes.</summary>
    public static bool Watched(TableState state) => state.Status != TableStatus.Ended || Owes(state);

    /// <summary>What it could not pay, store or tell yet, retried open or ended: cash-outs and prizes, hands, its close, its players' tables.</summary>
    private static bool Owes(TableState state) =>
        state.PendingTransfers.Count > 0 || state.PendingHistories.Count > 0 || state.CloseUnrecorded || state.SeatedUntold.Count > 0;

    private static bool SeatUnoffered(TableState state) =>
        (state.WaitlistLength > 0 || state.TemplateQueueUnasked) && Seating.SeatToOffer(state) is not null;

    /// <summary>What is due now at an open table.</summary>
    public static Due DueAt(TableState state, Hand? hand, DateTimeOffset now)
    {
        var expires = state.ExpiresAt;
        var warning = state.Config!.ExpiryWarning;
        var robot = false;
        var timedOut = false;
        if (hand?.Actor is int actor)
        {
            var seat = state.Seats[state.HandSeats[actor]]!;
            robot = seat.IsRobot && state.RobotActsAt <= now && !seat.LeaveAfterHand;
            timedOut = !robot && state.Deadline <= now;
        }

        return new Due(
            HoldExpired: state.Hold is { } hold && hold.Until <= now,
            SeatUnoffered: SeatUnoffered(state),
            WarnExpiry: expires is { } e && !state.ExpiryWarned && warning is { } w && e - w <= now,
            Expired: expires is { } end && end <= now && hand is null,
            CloseAsked: hand is null && state.CloseReason is not null,
            WarnIdle: hand is null && TableHygiene.WarnsAt(state) <= now,
            Idle: hand is null && TableHygiene.ClosesAt(state) <= now,
            StandUp: !HandCycle.OnHold(state) ? SeatHygiene.Due(state, hand, now) : [],
            RobotActs: robot,
            TurnTimedOut: timedOut);
    }

    /// <summary>What the clock plays for a player out of time: check when free, else stand pat, bring in, show, or fold.</summary>
    public static PlayerAction TimeoutAction(Hand hand, int actor)
    {
        var legal = hand.GetLegalActions();
        return legal.CanCheck ? PlayerAction.CheckOrCall(actor)
            : legal.CanDraw ? PlayerAction.StandPat(actor)
            : legal.CanPostBringIn ? PlayerAction.BringIn(actor)
            : legal.CanShowOrMuck ? PlayerAction.Show(actor)
            : PlayerAction.Fold(actor);
    }
}
