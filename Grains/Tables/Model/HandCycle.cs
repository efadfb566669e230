using System.Security.Cryptography;
using Orleans.Poker.Engine.Rules;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Tables.Model;

/// <summary>
/// The cycle of hands: who is ready, when the next hand starts, its button, seat order, blinds and configuration,
/// settling a finished hand, and what follows it (leavers, busts, places, closing).
/// </summary>
public static class HandCycle
{
    /// <summary>What the table does about its next hand: store that it is waiting or no longer, start it, or nothing.</summary>
    public enum Next
    {
        Nothing,
        Persist,
        Start,
    }

    /// <summary>A settled hand: its result, its history, each human player's outcome, and the conservation check.</summary>
    public sealed record Settlement(HandResult Result, HandRecord History, IReadOnlyList<(long PlayerId, HandOutcome Outcome)> Outcomes, long ChipsBefore, long ChipsAfter)
    {
        public bool Conserved => ChipsBefore == ChipsAfter;
    }

    /// <summary>
    /// What followed a hand: the seats emptied, the sit-and-go players who busted out in it, whether anything changed,
    /// whether the sit-and-go is over.
    /// </summary>
    public sealed record Aftermath(IReadOnlyList<Seating.Vacancy> Left, IReadOnlyList<long> Busted, bool Changed, bool SitAndGoOver);

    /// <summary>Seats that can be dealt in: chips, not leaving, not sitting out (a sit-and-go deals sitting-out players in), not finished.</summary>
    public static List<int> ReadySeats(TableState state)
    {
        var sitAndGo = SitAndGo.Is(state.Config!);
        var ready = new List<int>();
        for (var i = 0; i < state.Seats.Length; i++)
        {
            if (state.Seats[i] is { } s && s.Stack > 0 && !s.LeaveAfterHand && (sitAndGo || !s.SittingOut) && s.FinishedPlace == 0)
            {
                ready.Add(i);
            }
        }

        return ready;
    }

    /// <summary>No new hand is dealt and nobody is stood up: the table is paused, or the room is under maintenance.</summary>
    public static bool OnHold(TableState state) => state.Status == TableStatus.Paused || state.Maintenance;

    /// <summary>
    /// Decides about the next hand: none while one is played, the table is on hold, ended or closing, or too few are
    /// ready (robots do not play among themselves); otherwise it is due after the pause between hands.
    /// </summary>
    public static Next Schedule(TableState state, Hand? hand, DateTimeOffset now)
    {
        if (hand is not null || OnHold(state) || state.Status == TableStatus.Ended || state.CloseReason is not null)
        {
            return Next.Nothing;
        }

        var config = state.Config!;
        var ready = ReadySeats(state);
        var enough = ready.Any(s => !state.Seats[s]!.IsRobot) && (SitAndGo.Is(config)
            ? (state.SitAndGoStarted ? ready.Count >= 2 : ready.Count >= config.MaxPlayers)
            : ready.Count >= Math.Max(2, config.MinPlayers));
        if (!enough)
        {
            if (state.NextHandAt is null)
            {
                return Next.Nothing;
            }

            state.NextHandAt = null;
            return Next.Persist;
        }

        if (state.NextHandAt is null)
        {
            state.NextHandAt = now + config.PauseBetweenHands;
            if (config.PauseBetweenHands > TimeSpan.Zero)
            {
                // Stored so that the pause survives a restart; without a pause the hand starts (and is stored) now.
                return Next.Persist;
            }
        }

        return state.NextHandAt <= now ? Next.Start : Next.Nothing;
    }

    /// <summary>
    /// Deals the next hand: the button moves to the next ready seat that was dealt a hand before (a seat taken since is
    /// dealt in where it is, but does not take the button), engine seat 0 is the first player left of it and
    /// the button the last; the blinds are the current level's. Returns the engine hand (it may be over at once).
    /// </summary>
    public static Hand Start(TableState state, DateTimeOffset now, Deck deck)
    {
        var config = state.Config!;
        var ready = ReadySeats(state);
        var dealtBefore = ready.Where(s => !state.Seats[s]!.NewToTable).ToList();
        var passes = dealtBefore.Count > 0 ? dealtBefore : ready;
        var button = passes.FirstOrDefault(s => s > state.ButtonSeat, passes[0]);
        var start = (ready.IndexOf(button) + 1) % ready.Count;
        var order = new int[ready.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = ready[(start + i) % ready.Count];
            state.Seats[order[i]]!.NewToTable = false;
        }

        SitAndGo.BeforeHand(state, now);
        SeatHygiene.HandDealt(state);
        TableHygiene.Active(state, now);
        var stakes = SitAndGo.StakesOf(state);
        var variant = Variants.Get(config.Variant);
        var stacks = order.Select(s => state.Seats[s]!.Stack).ToArray();
        var handConfig = new HandConfig
        {
            Variant = variant,
            StartingStacks = stacks,
            Antes = stakes.Ante > 0 ? Enumerable.Repeat(stakes.Ante, order.Length).ToArray() : [],
            BlindsOrStraddles = variant.UsesBringIn ? [] : Blinds(order.Length, stakes.SmallBlind, stakes.BigBlind),
            BringIn = variant.UsesBringIn ? stakes.BringIn : 0,
            SmallBet = stakes.SmallBet,
            BigBet = stakes.BigBet,
            MinBet = stakes.BigBlind > 0 ? stakes.BigBlind : Math.Max(1, stakes.SmallBet),
            // A sit-and-go's chips are the tournament's, not money: its fee is the whole charge (a template stored with a rake takes none).
            Rake = SitAndGo.Is(config) ? RakeRule.None : new RakeRule((int)(config.RakePercent * 100), config.RakeCap, config.NoFlopNoDrop),
        };

        state.ButtonSeat = button;
        state.HandSeats = order;
        TimeBank.HandDealt(state);
        state.HandStartStacks = stacks;
        state.HandVoluntary = new bool[order.Length];
        state.HandNo++;
        state.HandStartedAt = now;
        state.NextHandAt = null;
        state.LastResult = null;
        state.Status = TableStatus.Active;
        return new Hand(handConfig, deck);
    }

    /// <summary>A shuffled deck for the table's variant (the hand <see cref="Start"/> deals from it).</summary>
    public static Deck Shuffle(TableState state, RandomNumberGenerator shuffler) => Deck.Shuffled(shuffler, Variants.Get(state.Config!.Variant).DeckSize);

    /// <summary>
    /// Settles a finished hand: stacks back to the seats, the rake counted and moved to the house account, the result
    /// kept, the turn closed and the history put in the outbox — all in the state the caller stores in one write, with
    /// the hand gone.
    /// </summary>
    public static Settlement Finish(TableState state, Hand done, string tableId, DateTimeOffset now)
    {
        var result = TableProjection.Result(state, done, tableId);
        var history = TableProjection.History(state, done, tableId, now);
        var outcomes = new List<(long, HandOutcome)>();
        var tournament = SitAndGo.Is(state.Config!);
        for (var i = 0; i < state.HandSeats.Length; i++)
        {
            var seat = state.Seats[state.HandSeats[i]]!;
            seat.Stack = done.Stacks[i];
            if (!seat.IsRobot)
            {
                var showed = done.Events.Any(e => e.Kind == HandEventKind.Shown && e.Seat == i);
                outcomes.Add((seat.PlayerId, new HandOutcome(tableId, state.HandNo, done.Net(i), done.Winnings[i], state.HandVoluntary.ElementAtOrDefault(i), showed, tournament)));
            }
        }

        var before = state.HandStartStacks.Sum();
        var after = done.Stacks.Sum() + done.TotalPot + done.Rake;
        state.RakeCollected += done.Rake;
        if (done.Rake > 0)
        {
            state.PendingTransfers.Add(ChipMoves.Rake(tableId, state.HandNo, done.Rake));
        }

        state.LastResult = result;
        state.Deadline = null;
        state.RobotActsAt = null;
        state.TurnId = 0;
        state.PendingHistories.Add(history);
        state.HandSeats = [];
        if (state.Status != TableStatus.Paused)
        {
            state.Status = TableStatus.Waiting;
        }

        return new Settlement(result, history, outcomes, before, after);
    }

    /// <summary>
    /// After a settled hand: leavers are cashed out, a sit-and-go places its busted players, a busted cash-game player
    /// sits out until they top up (robots buy in again).
    /// </summary>
    public static Aftermath AfterHand(TableState state, string tableId, DateTimeOffset now)
    {
        var sitAndGo = SitAndGo.Is(state.Config!);
        var left = new List<Seating.Vacancy>();
        var busted = new List<long>();
        var changed = false;
        for (var i = 0; i < state.Seats.Length; i++)
        {
            if (state.Seats[i] is not { } seat)
            {
                continue;
            }

            if (seat.LeaveAfterHand)
            {
                var (_, cashOut) = Seating.Vacate(state, tableId, i);
                left.Add(new Seating.Vacancy(seat.PlayerId, cashOut, seat.RemovedByAdmin ? SeatLeftReason.Removed : SeatLeftReason.Left));
                changed = true;
            }
            else if (seat.Stack == 0 && sitAndGo && seat.FinishedPlace == 0)
            {
                SitAndGo.Place(state, seat);
                busted.Add(seat.PlayerId);
                changed = true;
            }
            else if (seat.Stack == 0 && !sitAndGo && !seat.SittingOut)
            {
                SeatHygiene.SitOut(seat, now);
                changed = true;
            }
        }

        return new Aftermath(left, busted, changed, sitAndGo && SitAndGo.IsOver(state));
    }

    /// <summary>True when the table closes now that no hand is played: asked to close, or past its expiry.</summary>
    public static bool Closing(TableState state, DateTimeOffset now)
    {
        if (state.CloseReason is null && !(state.ExpiresAt is { } expires && expires <= now))
        {
            return false;
        }

        state.CloseReason ??= "expired";
        return true;
    }

    /// <summary>Empties every seat into cash-outs and ends the table; returns the seats emptied.</summary>
    public static List<Seating.Vacancy> End(TableState state, string tableId)
    {
        SitAndGo.Chop(state, tableId);
        var left = new List<Seating.Vacancy>();
        for (var i = 0; i < state.Seats.Length; i++)
        {
            if (state.Seats[i] is not null)
            {
                var (seat, cashOut) = Seating.Vacate(state, tableId, i);
                left.Add(new Seating.Vacancy(seat.PlayerId, cashOut, SeatLeftReason.TableClosed));
            }
        }

        state.Status = TableStatus.Ended;
        state.Hold = null;
        state.NextHandAt = null;
        state.Deadline = null;
        return left;
    }

    private static long[] Blinds(int players, long smallBlind, long bigBlind)
    {
        var blinds = new long[players];
        blinds[0] = smallBlind;
        blinds[1] = bigBlind;
        return blinds;
    }
}
