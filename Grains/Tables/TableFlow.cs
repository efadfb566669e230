using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Orleans.Poker.Engine.Rules;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Storage;
using Orleans.Poker.Grains.Tables.Model;
using Orleans.Poker.Grains.Telemetry;

namespace Orleans.Poker.Grains.Tables;

/// <summary>
/// The table's own course, between and after its players' calls: a move opens the next turn and a finished hand is
/// settled (<see cref="Played"/>), the next hand starts when it can (<see cref="ScheduleHand"/>), seats are freed and
/// offered to the waitlist, the table closes, and what its clock says is due is done (<see cref="Tick"/>). Every
/// decision is the table model's (<see cref="HandCycle"/>, <see cref="Seating"/>, <see cref="Acting"/>,
/// <see cref="TableClock"/>, <see cref="SitAndGo"/>); this class puts them in order with the grain's writes
/// (<see cref="ITableWrites"/>) and the calls of the classes beside it. It holds the engine hand in play.
/// </summary>
/// <param name="tableId">The table.</param>
/// <param name="state">The table's loaded state (the grain's storage keeps this instance while the table is active).</param>
/// <param name="writes">The grain's write of its state and its record of an event.</param>
/// <param name="transfers">The table's chip-move executor.</param>
/// <param name="outbox">The table's hand histories on their way to storage.</param>
/// <param name="neighbours">The lobby, the table's record, its template and its players' grains.</param>
/// <param name="waitlist">The table's queue.</param>
/// <param name="metrics">The silo's game metrics.</param>
/// <param name="time">The table's clock.</param>
/// <param name="logger">The table grain's logger.</param>
public sealed class TableFlow(
    string tableId,
    TableState state,
    ITableWrites writes,
    TableTransfers transfers,
    HandHistoryOutbox outbox,
    TableNeighbours neighbours,
    TableWaitlist waitlist,
    GameMetrics metrics,
    TimeProvider time,
    ILogger logger)
{
    /// <summary>The system's secure generator (thread-safe): one for every table.</summary>
    private static readonly RandomNumberGenerator Shuffler = RandomNumberGenerator.Create();

    /// <summary>The hand in play (the one stored with the state when the table was loaded), or null between hands.</summary>
    public Hand? Hand { get; private set; } = state.Hand is { } bytes ? HandSerializer.Deserialize(bytes) : null;

    /// <summary>
    /// What followed the last hand <see cref="Replay"/> settled, when no deal came after it: the silo stopped (or a write
    /// failed) between the hand's settlement and what follows it, which <see cref="Recover"/> then does.
    /// </summary>
    private HandCycle.Aftermath? replayedAftermath;

    private DateTimeOffset Now => time.GetUtcNow();

    /// <summary>
    /// After the table was loaded: a hand stored after its last action but never settled is settled now, the player to
    /// act gets a whole turn again (the table was away, not the player), and chip moves decided before a crash finish.
    /// </summary>
    public async Task Recover()
    {
        if (Hand is { IsOver: true })
        {
            // Stored after its last action but never settled (the silo or the database failed in between).
            logger.LogWarning("Table {TableId} hand {HandNo} was over but not settled; settling it now", tableId, state.HandNo);
            await FinishHand();
        }
        else if (replayedAftermath is { } aftermath)
        {
            // Settled, but what follows the hand (seats left, a close asked for, a sit-and-go's end) was not done.
            replayedAftermath = null;
            logger.LogWarning("Table {TableId} hand {HandNo} was settled but what follows it was not done; doing it now", tableId, state.HandNo);
            await FollowHand(aftermath);
        }
        else
        {
            TableClock.ArmTurn(state, Hand, Now);
        }

        SeatHygiene.Stamp(state, Now);
        TableHygiene.Stamp(state, Now);

        await transfers.Settle();
    }

    /// <summary>
    /// After a move in the hand (or its deal): the next turn opens (pre-actions the move made stale dropped), the move is
    /// committed, then a finished hand is settled or the new actor's pre-selected action is played.
    /// </summary>
    /// <remarks>
    /// A player's action and a pre-selected one come with their <paramref name="move"/>: the table's journal stores
    /// just that, and <see cref="Replay"/> makes it again the same way when the table is loaded.
    /// </remarks>
    public async Task Played(TableEventKind kind, string description, TableMove? move = null)
    {
        Opened(move?.At ?? Now);
        await writes.Commit(kind, description, move: move);
        if (Hand!.IsOver)
        {
            await FinishHand();
        }
        else if (Acting.PreSelected(state, Hand) is { } preSelected)
        {
            await Played(TableEventKind.Action, preSelected, TableMove.PreSelected(Now));
        }
    }

    /// <summary>
    /// Makes again, in order, the moves the journal stored after the loaded state (<see cref="ITableJournal.Read"/>):
    /// each as <see cref="Played"/> (or <see cref="FinishHand"/>, for a settlement) made it, at the version it was stored as. An entry without a move is a whole state
    /// that was never stored (its change was never acknowledged): only its version is taken.
    /// </summary>
    public void Replay(IReadOnlyList<JournalEntry> entries)
    {
        foreach (var (version, move) in entries)
        {
            state.TableVersion = version - 1;
            if (move is not null)
            {
                Make(move, version);
                state.EventSeq++;
            }

            state.TableVersion = version;
        }
    }

    /// <summary>One journaled move made again (<see cref="Replay"/>).</summary>
    private void Make(TableMove move, long version)
    {
        Hand InPlay() => Hand ?? throw new InvalidOperationException($"Table {tableId} journal version {version}: a move without a hand in play");
        switch (move.Kind)
        {
            case TableMoveKind.Settled:
                HandCycle.Finish(state, InPlay(), tableId, move.At);
                Hand = null;
                replayedAftermath = HandCycle.AfterHand(state, tableId, move.At);
                return;
            case TableMoveKind.Dealt when Hand is not null:
                throw new InvalidOperationException($"Table {tableId} journal version {version}: a deal while a hand is in play");
            case TableMoveKind.Dealt:
                // The hand before was followed up before this one was dealt.
                replayedAftermath = null;
                HostControls.Apply(state);
                Hand = HandCycle.Start(state, move.At, move.Deck());
                break;
            case TableMoveKind.PreSelected:
                _ = Acting.PreSelected(state, InPlay()) ?? throw new InvalidOperationException($"Table {tableId} journal version {version}: no pre-selected action to play");
                break;
            default:
                Acting.Apply(state, InPlay(), move.PlayerId, move.Turn!, move.Action!, move.ClientSeq);
                break;
        }

        Opened(move.At);
    }

    /// <summary>After a move: the next turn opens at <paramref name="at"/>, and the pre-actions the move made stale are dropped.</summary>
    private void Opened(DateTimeOffset at)
    {
        TableClock.OpenTurn(state, Hand, at);
        PreActions.Review(state, Hand);
    }

    /// <summary>Starts the next hand when the table can, or stores that it will (a sit-and-go's countdown, a table's pause).</summary>
    public async Task ScheduleHand()
    {
        var next = HandCycle.Schedule(state, Hand, Now);
        if (next == HandCycle.Next.Persist)
        {
            await writes.Persist();
        }
        else if (next == HandCycle.Next.Start)
        {
            // The host's changed settings take effect with the hand, which announces them.
            var changed = HostControls.Apply(state);
            var dealt = TableMove.Dealt(Now, HandCycle.Shuffle(state, Shuffler));
            Hand = HandCycle.Start(state, dealt.At, dealt.Deck());
            metrics.HandStarted(state.Config!.Variant, state.HandSeats.Any(s => state.Seats[s]!.IsRobot));
            logger.LogInformation("Table {TableId} hand {HandNo} started with {Players} players", tableId, state.HandNo, state.HandSeats.Length);
            await Played(TableEventKind.HandStarted, changed is null
                ? $"hand #{state.HandNo} starts"
                : $"hand #{state.HandNo} starts with the host's settings: {HostControls.Describe(changed)}", dealt);
        }
    }

    /// <summary>
    /// Takes a seat out now (its cash-out recorded and settled), or after the hand if the player is in it;
    /// <paramref name="remover"/> names who removed a player (<see cref="SeatLeftReason.Removed"/>).
    /// </summary>
    public async Task<long> Remove(int index, SeatLeftReason reason, string remover = "an admin")
    {
        var name = state.Seats[index]!.Name;
        var verb = reason switch
        {
            SeatLeftReason.Removed => $"was removed by {remover}",
            SeatLeftReason.SatOut => $"is stood up ({SeatHygiene.Reason(state, state.Seats[index]!)}) and cashed out",
            _ => "leaves",
        };
        if (SitAndGo.KeepsSeat(state, state.Seats[index]!))
        {
            Seating.SitOut(state, state.Seats[index]!.PlayerId, Now);
            await writes.Commit(TableEventKind.SatOut, $"{name} {verb}: sitting out, the stack stays in the tournament");
            return 0;
        }

        if (Seating.LeaveAfterHand(state, Hand, index, reason, Now))
        {
            await writes.Commit(TableEventKind.Left, $"{name} {verb} after this hand");
            return 0;
        }

        var (seat, amount) = Seating.Vacate(state, tableId, index);
        await writes.Persist();
        neighbours.Vacated([new Seating.Vacancy(seat.PlayerId, amount, reason)]);
        await transfers.Settle();
        await writes.Commit(reason == SeatLeftReason.SatOut ? TableEventKind.StoodUp : TableEventKind.Left, $"{name} {verb}");
        await OfferFreedSeat();
        await neighbours.UpdateLobby();
        await ScheduleHand();
        return amount;
    }

    /// <summary>Ends the table: every seat cashed out, the waitlist's waits ended, its record and the lobby updated.</summary>
    public async Task CloseNow()
    {
        var vacated = HandCycle.End(state, tableId);
        state.CloseUnrecorded = true;
        await writes.Persist();
        logger.LogInformation("Table {TableId} closed: {Reason}", tableId, state.CloseReason);
        neighbours.Vacated(vacated);
        waitlist.Closed();
        await transfers.Settle();
        await RecordClose();
    }

    /// <summary>
    /// What follows a close: the table's row ended, the event published, the lobby entry removed and the template's claim
    /// released. When the row's write fails, the timer does it all again (<see cref="TableState.CloseUnrecorded"/>).
    /// </summary>
    private async Task RecordClose()
    {
        await neighbours.SaveRecord();
        state.CloseUnrecorded = false;
        await writes.Commit(TableEventKind.StatusChanged, $"table closed: {state.CloseReason}");
        await neighbours.UpdateLobby();
        await neighbours.ReleaseTemplate();
    }

    /// <summary>The timer's work: does everything that is due, in order (the timer is then armed for the next thing).</summary>
    public async Task Tick()
    {
        await outbox.Flush();
        if (!state.Created)
        {
            return;
        }

        await transfers.Settle();
        await neighbours.TellUntold();
        if (state.Status == TableStatus.Ended)
        {
            if (state.CloseUnrecorded)
            {
                await RecordClose();
            }

            return;
        }

        var due = TableClock.DueAt(state, Hand, Now);
        if (due.HoldExpired)
        {
            var lapsed = Seating.ExpireHold(state);
            await writes.Persist();
            await waitlist.OfferExpired(lapsed);
        }

        if (due.HoldExpired || due.SeatUnoffered)
        {
            await OfferFreedSeat();
            await neighbours.UpdateLobby();
        }

        if (due.WarnExpiry)
        {
            state.ExpiryWarned = true;
            await writes.Commit(TableEventKind.ExpiryWarning, $"the table closes at {state.ExpiresAt:u}");
        }

        if (due.Expired || due.CloseAsked)
        {
            state.CloseReason ??= "expired";
            await CloseNow();
            return;
        }

        if (due.WarnIdle)
        {
            state.IdleWarned = true;
            await writes.Commit(TableEventKind.ExpiryWarning, $"the table closes at {TableHygiene.ClosesAt(state):u} unless a hand is dealt or a seat taken");
        }

        if (due.Idle)
        {
            state.CloseReason ??= "idle";
            await CloseNow();
            return;
        }

        foreach (var index in due.StandUp)
        {
            await Remove(index, SeatLeftReason.SatOut);
        }

        if (due.TurnTimedOut && TimeBank.Start(state, Hand!, Now) is { } banked)
        {
            await writes.Commit(TableEventKind.TimeBank, $"{banked.Name} uses the time bank ({banked.TimeBank.TotalSeconds:0} s)");
        }
        else if (due.RobotActs || due.TurnTimedOut)
        {
            var actor = Hand!.Actor!.Value;
            var robot = due.RobotActs ? Acting.Robot(state, Hand, actor, tableId) : null;
            metrics.AutomaticAction(robot: robot is not null);

            // The strategy only proposes legal actions; if it ever does not, the clock's choice is always legal.
            await Played(TableEventKind.Action, robot ?? Acting.TimeOut(state, Hand, actor, Now));
        }

        await ScheduleHand();
    }

    /// <summary>Settles the finished hand in one write — the settlement's move in the journal, made again by
    /// <see cref="Replay"/> (a table loaded with an over hand settles it, one loaded after never again) — stores its
    /// history, tells the players' grains, then does what follows a hand.</summary>
    private async Task FinishHand()
    {
        var done = Hand!;
        var at = Now;
        var settled = HandCycle.Finish(state, done, tableId, at);
        if (!settled.Conserved)
        {
            // A bug: reported (Critical, and counted), never corrected.
            logger.LogCritical("Chips not conserved at table {TableId} hand {HandNo}: expected {Expected}, actual {Actual} (stacks {Stacks}, rake {Rake})",
                tableId, state.HandNo, settled.ChipsBefore, settled.ChipsAfter, done.Stacks, done.Rake);
            metrics.ConservationViolated(state.Config!.Variant);
        }

        metrics.HandFinished(state.Config!.Variant);
        Hand = null;
        logger.LogInformation("Table {TableId} hand {HandNo} ended, rake {Rake}", tableId, state.HandNo, done.Rake);
        await writes.Commit(TableEventKind.HandFinished, $"hand #{state.HandNo} ends", settled.Result, TableMove.Settled(at));
        await outbox.Flush();
        await neighbours.RecordHands(settled.Outcomes);
        await FollowHand(HandCycle.AfterHand(state, tableId, Now));
    }

    /// <summary>
    /// What follows a settled hand (<see cref="HandCycle.AfterHand"/> made its changes to the state): the players told,
    /// a sit-and-go finished, the changes stored, the seats freed offered, then the table closes or deals again.
    /// </summary>
    private async Task FollowHand(HandCycle.Aftermath after)
    {
        neighbours.Vacated(after.Left);
        neighbours.Busted(after.Busted);
        if (after.SitAndGoOver)
        {
            var prize = state.PrizePool;
            if (SitAndGo.Finish(state, tableId) is { } winner)
            {
                logger.LogInformation("Sit-and-go {TableId} won by {PlayerId}, prize {Prize}", tableId, winner.PlayerId, prize);
            }

            await CloseNow();
            return;
        }

        if (after.Changed)
        {
            // The hand's end was stored and told when it was committed; the seats changed since (players gone after the
            // hand, out of chips, placed) are stored and told now, or every screen keeps them until the next event.
            await (after.Left.Count > 0
                ? writes.Commit(TableEventKind.Left, $"{after.Left.Count} left after hand #{state.HandNo}")
                : writes.Commit(TableEventKind.SatOut, $"out of chips after hand #{state.HandNo}"));
        }

        await transfers.Settle();
        if (after.Left.Count > 0)
        {
            await OfferFreedSeat();
            await neighbours.UpdateLobby();
        }

        await transfers.RebuyRobots();
        await (HandCycle.Closing(state, Now) ? CloseNow() : ScheduleHand());
    }

    /// <summary>
    /// Holds a free seat for the first player waiting (the table's own queue first, then its template's), if any: after a
    /// seat frees, a hold ends, a seat is taken (the next free one), and when the table opens.
    /// </summary>
    public async Task OfferFreedSeat()
    {
        if (Seating.SeatToOffer(state) is not int free)
        {
            return;
        }

        // The hold is stored before the queue lets the player go; the offer is told once it has (with the queue's new
        // length), so that a player behind them who looks their place up on hearing of it reads the new one.
        var offered = await waitlist.OfferSeat(next =>
        {
            Seating.Hold(state, free, next.PlayerId, Now);
            return writes.Persist();
        });
        if (offered is not null)
        {
            await writes.Commit(TableEventKind.SeatOffered, $"seat {free} is offered to {offered.DisplayName}");
        }
    }
}
