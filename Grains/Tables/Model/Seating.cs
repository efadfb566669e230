using System.Security.Cryptography;
using System.Text;
using Orleans.Poker.Engine.Rules;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Robots;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Tables.Model;

/// <summary>Who sits where: seat lookup, free seats and holds, the buy-in range, sitting out and in, leaving.</summary>
public static class Seating
{
    /// <summary>The refusal of a kick of a player already removed after the hand in play.</summary>
    public const string AlreadyLeaving = "already_leaving";

    /// <summary>A seat about to be taken: where, with how many chips from the balance, under which name.</summary>
    public sealed record Admission(long PlayerId, int Seat, long Amount, string Name);

    /// <summary>A seat emptied: who left it, the chips cashed out, and why (for the seat history).</summary>
    public sealed record Vacancy(long PlayerId, long CashOut, SeatLeftReason Reason);

    public static int? SeatOf(TableState state, long playerId)
    {
        for (var i = 0; i < state.Seats.Length; i++)
        {
            if (state.Seats[i]?.PlayerId == playerId)
            {
                return i;
            }
        }

        return null;
    }

    /// <summary>The player's seat, or the refusal <c>not_seated</c>.</summary>
    public static int Occupied(TableState state, long playerId) =>
        SeatOf(state, playerId) ?? throw PokerException.Conflict("not_seated", "You do not sit at this table");

    /// <summary>The engine seat of table seat <paramref name="tableSeat"/> in the hand in progress, if it plays in it.</summary>
    public static int? HandSeatOf(TableState state, Hand? hand, int tableSeat)
    {
        var index = Array.IndexOf(state.HandSeats, tableSeat);
        return hand is null || index < 0 ? null : index;
    }

    /// <summary>The name of the player at engine seat <paramref name="handSeat"/> of the hand in progress; null if there is none.</summary>
    public static string? NameInHand(TableState state, int handSeat) =>
        handSeat >= 0 && handSeat < state.HandSeats.Length ? state.Seats[state.HandSeats[handSeat]]?.Name : null;

    /// <summary>The chips in front of a seat: the engine's stack while it plays a hand, the seat's own between hands.</summary>
    public static long StackOf(TableState state, Hand? hand, int tableSeat) =>
        state.Seats[tableSeat] is not { } seat ? 0
        : hand is not null && HandSeatOf(state, hand, tableSeat) is int h ? hand.Stacks[h]
        : seat.Stack;

    /// <summary>Checks a request to sit down (invite code, tournament start, seat, buy-in range) and decides the seat.</summary>
    public static Admission Admit(TableState state, SeatRequest request)
    {
        var config = state.Config!;
        if (SeatOf(state, request.PlayerId) is not null)
        {
            throw PokerException.Conflict("already_seated", "You already sit at this table");
        }

        // A seat held for the player needs no code: only an invited player is queued at a private table.
        if (state.Hold?.PlayerId != request.PlayerId)
        {
            CheckInvite(state, request.InviteCode);
        }

        var sitAndGo = SitAndGo.Is(config);
        if (sitAndGo && state.SitAndGoStarted)
        {
            throw PokerException.Conflict("tournament_started", "This sit-and-go has started; join another one");
        }

        var seat = Choose(state, request.PlayerId, request.Seat);
        var amount = sitAndGo ? config.MinBuyIn : request.BuyIn;
        if (!sitAndGo && (amount < config.MinBuyIn || amount > config.MaxBuyIn))
        {
            throw new PokerException("invalid_buy_in", $"The buy-in must be between {config.MinBuyIn} and {config.MaxBuyIn} chips");
        }

        return new Admission(request.PlayerId, seat, amount, NameOf(request.PlayerId, request.DisplayName));
    }

    /// <summary>
    /// The buy-in was debited: the seat is taken (a sit-and-go seat gets the starting stack) and its hold ends. True when
    /// the seat was held for this player (they were offered it from the waitlist).
    /// </summary>
    public static bool Take(TableState state, Admission admission, DateTimeOffset now)
    {
        TableHygiene.Active(state, now);
        var config = state.Config!;
        var sitAndGo = SitAndGo.Is(config);
        state.Seats[admission.Seat] = new SeatState { PlayerId = admission.PlayerId, Name = admission.Name, Stack = sitAndGo ? config.StartingStack : admission.Amount, NewToTable = true };
        state.SeatedUntold[admission.PlayerId] = true;
        TimeBank.Fill(state, state.Seats[admission.Seat]!);
        if (sitAndGo)
        {
            state.PrizePool += admission.Amount;
        }

        var offered = state.Hold?.PlayerId == admission.PlayerId;
        if (offered || state.Hold?.Seat == admission.Seat)
        {
            state.Hold = null;
        }

        return offered;
    }

    /// <summary>Checks a top-up (cash games, between the player's hands, within the maximum buy-in); returns the seat.</summary>
    public static SeatState CheckTopUp(TableState state, Hand? hand, long playerId, long amount)
    {
        var config = state.Config!;
        if (SitAndGo.Is(config))
        {
            throw new PokerException("not_allowed", "No top-ups in a sit-and-go");
        }

        var index = Occupied(state, playerId);
        if (HandSeatOf(state, hand, index) is not null)
        {
            throw PokerException.Conflict("hand_in_progress", "Top up between hands");
        }

        var seat = state.Seats[index]!;
        if (amount <= 0 || seat.Stack + amount > config.MaxBuyIn)
        {
            throw new PokerException("invalid_amount", $"A top-up must be positive and keep the stack at most {config.MaxBuyIn} (now {seat.Stack})");
        }

        return seat;
    }

    /// <summary>
    /// Checks a request to queue: a waitlist exists, the player does not sit here, a private table's invite code (as
    /// for a seat: the seat it will hold for them is for an invited player only), and no seat is free.
    /// </summary>
    public static void CheckQueue(TableState state, long playerId, string? inviteCode)
    {
        if (!state.Config!.WaitlistEnabled)
        {
            throw new PokerException("waitlist_off", "This table has no waitlist");
        }

        if (SeatOf(state, playerId) is not null)
        {
            throw PokerException.Conflict("already_seated", "You already sit at this table");
        }

        CheckInvite(state, inviteCode);

        if (state.Hold is null && Array.IndexOf(state.Seats, null) >= 0)
        {
            throw PokerException.Conflict("seat_free", "A seat is free: sit down instead of queueing");
        }
    }

    /// <summary>A private table takes only its own invite code (compared in constant time): <c>forbidden</c> otherwise.</summary>
    private static void CheckInvite(TableState state, string? inviteCode)
    {
        if (state.InviteCode is not null && !CryptographicOperations.FixedTimeEquals(
                Encoding.UTF8.GetBytes(inviteCode ?? ""), Encoding.UTF8.GetBytes(state.InviteCode)))
        {
            throw PokerException.Forbidden("This private table needs its invite code");
        }
    }

    /// <summary>Sits the player out; null when they already sit out (nothing changes).</summary>
    public static SeatState? SitOut(TableState state, long playerId, DateTimeOffset now)
    {
        var seat = state.Seats[Occupied(state, playerId)]!;
        if (seat.SittingOut)
        {
            return null;
        }

        SeatHygiene.SitOut(seat, now);
        return seat;
    }

    /// <summary>Brings the player back (with chips only); null when they were not sitting out (nothing changes).</summary>
    public static SeatState? SitIn(TableState state, Hand? hand, long playerId)
    {
        var index = Occupied(state, playerId);
        var seat = state.Seats[index]!;
        if (!seat.SittingOut)
        {
            return null;
        }

        if (StackOf(state, hand, index) <= 0)
        {
            throw PokerException.Conflict("no_chips", "Top up before sitting back in: you have no chips");
        }

        SeatHygiene.SitIn(seat);
        seat.Timeouts = 0;
        return seat;
    }

    /// <summary>
    /// A player in the hand in progress leaves when it ends (on their turn the clock runs out now, which folds);
    /// false when the seat can be emptied right away. <paramref name="reason"/> is kept for the seat history.
    /// </summary>
    public static bool LeaveAfterHand(TableState state, Hand? hand, int index, SeatLeftReason reason, DateTimeOffset now)
    {
        if (hand is null || hand.IsOver || HandSeatOf(state, hand, index) is not int handSeat)
        {
            return false;
        }

        var seat = state.Seats[index]!;
        if (reason == SeatLeftReason.Removed && seat.RemovedByAdmin)
        {
            throw PokerException.Conflict(AlreadyLeaving, $"{seat.Name} is already removed after this hand");
        }

        seat.LeaveAfterHand = true;
        // Removed stays removed: their own leave meanwhile does not undo it.
        seat.RemovedByAdmin |= reason == SeatLeftReason.Removed;
        if (hand.Actor == handSeat)
        {
            state.Deadline = now;
        }

        return true;
    }

    /// <summary>Empties a seat and records the chips owed to the player (a sit-and-go refunds the fee before it starts).</summary>
    public static (SeatState Seat, long Amount) Vacate(TableState state, string tableId, int index)
    {
        var seat = state.Seats[index]!;
        state.Seats[index] = null;
        state.SeatedUntold[seat.PlayerId] = false;
        var amount = seat.Stack;
        if (SitAndGo.Is(state.Config!))
        {
            // A robot pays no fee (robots never buy into a sit-and-go), so it gets none back.
            amount = seat.IsRobot ? 0 : SitAndGo.Refund(state);
            state.PrizePool -= amount;
        }

        if (amount > 0)
        {
            state.PendingTransfers.Add(ChipMoves.CashOut(tableId, seat.PlayerId, amount));
        }

        return (seat, amount);
    }

    /// <summary>The first free seat a waitlisted player can be offered, when the table has a waitlist and no hold.</summary>
    public static int? SeatToOffer(TableState state)
    {
        if (!state.Config!.WaitlistEnabled || state.Hold is not null || state.Status == TableStatus.Ended)
        {
            return null;
        }

        var free = Array.FindIndex(state.Seats, s => s is null);
        return free < 0 ? null : free;
    }

    /// <summary>Ends the seat hold whose time is up; returns the player it was held for.</summary>
    public static long ExpireHold(TableState state)
    {
        var lapsed = state.Hold!.PlayerId;
        state.Hold = null;
        return lapsed;
    }

    /// <summary>Holds <paramref name="seat"/> for the next player of the waitlist for the template's hold time.</summary>
    public static void Hold(TableState state, int seat, long playerId, DateTimeOffset now) =>
        state.Hold = new SeatHold { Seat = seat, PlayerId = playerId, Until = HoldUntil(state, now) };

    /// <summary>When a seat held from now would be released.</summary>
    public static DateTimeOffset HoldUntil(TableState state, DateTimeOffset now) => now + state.Config!.SeatHoldTime;

    /// <summary>
    /// A new table from template version <paramref name="version"/>: its name (the template's unless given), seats,
    /// invite code when private, expiry when it expires, and its robots.
    /// </summary>
    public static void Open(TableState state, string tableId, TableCreation creation, int version, TemplateConfig config, DateTimeOffset now)
    {
        state.Created = true;
        state.TemplateId = creation.TemplateId;
        state.TemplateVersion = version;
        state.Config = config;
        state.Name = string.IsNullOrWhiteSpace(creation.Name) ? config.Name : creation.Name.Trim();
        state.Status = TableStatus.Waiting;
        state.CreatedBy = creation.CreatedBy;
        state.CreatedAt = now;
        state.Seats = new SeatState?[config.MaxPlayers];
        state.ButtonSeat = -1;
        state.InviteCode = config.IsPrivate || creation.Private ? Convert.ToHexString(RandomNumberGenerator.GetBytes(5)).ToLowerInvariant() : null;
        state.ExpiresAt = config.Type == TableType.Expiring && config.TimeToLive is { } ttl ? now + ttl : null;
        TableHygiene.Active(state, now);
        SeatRobots(state, tableId);
    }

    /// <summary>A new table's robots (the template's count, always leaving a seat for a person), sitting out until they buy in.</summary>
    private static void SeatRobots(TableState state, string tableId)
    {
        for (var i = 0; i < Math.Min(state.Config!.Robots, state.Seats.Length - 1); i++)
        {
            var id = RobotStrategy.RobotId(tableId, i);
            state.Seats[i] = new SeatState { PlayerId = id, Name = RobotStrategy.NameOf(id), Stack = 0, IsRobot = true, SittingOut = true };
        }
    }

    /// <summary>The name shown at the table: the one given, trimmed, or "Player N".</summary>
    public static string NameOf(long playerId, string? displayName) =>
        string.IsNullOrWhiteSpace(displayName) ? $"Player {playerId}" : displayName.Trim();

    private static int Choose(TableState state, long playerId, int? wanted)
    {
        var seats = state.Seats;
        bool Free(int i) => seats[i] is null && (state.Hold is not { } hold || hold.Seat != i || hold.PlayerId == playerId);
        if (wanted is { } w)
        {
            if (w < 0 || w >= seats.Length)
            {
                throw new PokerException("invalid_seat", $"Seats are numbered 0 to {seats.Length - 1}");
            }

            if (!Free(w))
            {
                throw PokerException.Conflict("seat_taken", $"Seat {w} is taken or held for another player");
            }

            return w;
        }

        if (state.Hold is { } mine && mine.PlayerId == playerId && seats[mine.Seat] is null)
        {
            return mine.Seat;
        }

        for (var i = 0; i < seats.Length; i++)
        {
            if (Free(i))
            {
                return i;
            }
        }

        throw PokerException.Conflict("table_full", state.Config!.WaitlistEnabled ? "The table is full: join its waitlist" : "The table is full");
    }
}
