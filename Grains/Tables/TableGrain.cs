using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Orleans.Poker.Engine.Rules;
using Orleans.Poker.Grains.Analytics;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Storage;
using Orleans.Poker.Grains.Tables.Model;
using Orleans.Poker.Grains.Telemetry;
using Orleans.Runtime;
using PlayerAction = Orleans.Poker.Grains.Interfaces.Tables.PlayerAction;

namespace Orleans.Poker.Grains.Tables;

/// <summary>
/// A table: the Orleans shell around the table model (<see cref="Model"/>), which decides everything. Each call reads
/// validate in the model → record → <see cref="Persist"/> (the change is acknowledged only once stored) → call other
/// grains → publish; <see cref="Commit"/> records one <see cref="TableEvent"/>, persists it and publishes it to the
/// observers (<see cref="TableObservers"/>). The rest of the Orleans and I/O work is done by the single-purpose classes
/// beside it: <see cref="TableTransfers"/> (the one chip-move executor), <see cref="HandHistoryOutbox"/>,
/// <see cref="TableTimer"/> (the one grain timer, armed for the earliest thing due by <see cref="TableClock"/>),
/// <see cref="TableWaitlist"/> and <see cref="TableNeighbours"/> (lobby, table record, template, players' grains). A
/// reminder re-activates the table after a silo failure.
/// </summary>
public sealed class TableGrain(
    [PersistentState("table", PokerStorage.Name)] IPersistentState<TableState> store,
    TimeProvider time,
    IHandHistoryStore histories,
    ITableRecordStore records,
    SeatHistoryWriter history,
    GameMetrics metrics,
    ILogger<TableGrain> logger) : Grain, ITableGrain, IRemindable
{
    private const string WatchdogReminder = "watchdog";

    /// <summary>The system's secure generator (thread-safe): one for every table.</summary>
    private static readonly RandomNumberGenerator Shuffler = RandomNumberGenerator.Create();

    private Hand? hand;
    private TableGauge? gauge;

    // Set up on activation, once the storage has loaded the state they share.
    private TableTransfers transfers = null!;
    private HandHistoryOutbox outbox = null!;
    private TableNeighbours neighbours = null!;
    private TableTimer timer = null!;
    private TableObservers observers = null!;
    private TableWaitlist waitlist = null!;

    private TableState State => store.State;

    private string TableId => this.GetPrimaryKeyString();

    private TemplateConfig Config => State.Config ?? throw PokerException.NotFound($"Table {TableId}");

    private DateTimeOffset Now => time.GetUtcNow();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        transfers = new TableTransfers(GrainFactory, TableId, State, Persist, logger);
        outbox = new HandHistoryOutbox(histories, TableId, State, logger);
        neighbours = new TableNeighbours(GrainFactory, records, history, time, TableId, State, logger);
        timer = new TableTimer(this, time, () => TableClock.Next(State, hand, Now), OnTick);
        observers = new TableObservers(TableId, State, logger);
        waitlist = new TableWaitlist(GrainFactory, history, time, TableId, State);

        gauge = metrics.Track(TableId);
        UpdateGauge();
        hand = State.Hand is { } bytes ? HandSerializer.Deserialize(bytes) : null;
        if (State.Created && State.Status != TableStatus.Ended)
        {
            if (hand is { IsOver: true })
            {
                // Stored after its last action but never settled (the silo or the database failed in between).
                logger.LogWarning("Table {TableId} hand {HandNo} was over but not settled; settling it now", TableId, State.HandNo);
                await FinishHand();
            }
            else
            {
                // The player to act gets a whole turn again: the table was away, not the player.
                TableClock.ArmTurn(State, hand, Now);
            }

            // Moves decided before a crash are finished now; the turn clock and hand start are re-armed.
            await transfers.Settle();
        }

        if (State.Created)
        {
            await outbox.Flush();
            timer.Arm();
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (gauge is not null)
        {
            metrics.Untrack(TableId, gauge);
        }

        return Task.CompletedTask;
    }

    public async Task<TableSummary> Create(TableCreation creation)
    {
        if (State.Created)
        {
            throw PokerException.Conflict("table_exists", $"Table {TableId} exists already");
        }

        var template = GrainFactory.GetGrain<ITemplateGrain>(creation.TemplateId);
        var version = await template.Acquire(TableId);
        Seating.Open(State, TableId, creation, version, await template.GetVersion(version), Now);
        await neighbours.SaveRecord();
        await Persist();
        await this.RegisterOrUpdateReminder(WatchdogReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        logger.LogInformation("Table {TableId} created from template {TemplateId} v{TemplateVersion}", TableId, State.TemplateId, State.TemplateVersion);
        await Commit(TableEventKind.StatusChanged, "table created");
        await neighbours.UpdateLobby();
        await transfers.RebuyRobots();
        await ScheduleHand();
        return TableProjection.Summary(State, TableId);
    }

    public Task<TableSummary> GetSummary() => Task.FromResult(TableProjection.Summary(Created(), TableId));

    public Task<TemplateConfig> GetConfig() => Task.FromResult(Config);

    public Task<TableSnapshot> GetSnapshot(long? viewerId)
    {
        var state = Created();
        var mine = viewerId is { } id ? TableProjection.PrivateViews(state, hand).FirstOrDefault(p => p.PlayerId == id) : null;
        return Task.FromResult(new TableSnapshot(state.EventSeq, state.TableVersion, TableProjection.View(state, hand, TableId), mine));
    }

    public Task<string> GetInviteCode(long playerId)
    {
        var code = Created().InviteCode ?? throw new PokerException("not_private", "This table is public and has no invite code");
        return playerId == State.CreatedBy || Seating.SeatOf(State, playerId) is not null
            ? Task.FromResult(code)
            : throw PokerException.Forbidden("Only the table's creator and its players can see the invite code");
    }

    public async Task<string?> GetHandHistory(long handNo)
    {
        Created();
        var record = await outbox.Find(handNo);
        return record?.Phh;
    }

    public async Task<int> Sit(SeatRequest request)
    {
        var admission = Seating.Admit(Open(), request);
        await transfers.MoveIn(ChipMoves.BuyIn(TableId, request.PlayerId, admission.Amount));
        var offered = Seating.Take(State, admission);
        await Persist();
        neighbours.Seated(admission);
        await waitlist.Seated(request.PlayerId, offered);
        await Player(request.PlayerId).SetSeated(TableId, true);
        logger.LogInformation("Player {PlayerId} sat at table {TableId} seat {Seat} with {Amount}", request.PlayerId, TableId, admission.Seat, admission.Amount);
        await Commit(TableEventKind.Seated, $"{admission.Name} sits down");
        await neighbours.UpdateLobby();
        await ScheduleHand();
        return admission.Seat;
    }

    public async Task<long> TopUp(long playerId, long amount)
    {
        var seat = Seating.CheckTopUp(Open(), hand, playerId, amount);
        await transfers.MoveIn(ChipMoves.TopUp(TableId, playerId, amount));
        seat.Stack += amount;
        await Commit(TableEventKind.Seated, $"{seat.Name} tops up {amount}");
        await ScheduleHand();
        return seat.Stack;
    }

    public Task<long> Leave(long playerId) => Remove(Seating.Occupied(Created(), playerId), SeatLeftReason.Left);

    public Task Kick(long playerId) =>
        Remove(Seating.SeatOf(Created(), playerId) ?? throw PokerException.NotFound($"Player {playerId} at table {TableId}"), SeatLeftReason.Removed);

    public async Task SitOut(long playerId)
    {
        if (Seating.SitOut(Open(), playerId) is { } seat)
        {
            await Commit(TableEventKind.SatOut, $"{seat.Name} sits out");
        }
    }

    public async Task SitIn(long playerId)
    {
        if (Seating.SitIn(Open(), hand, playerId) is { } seat)
        {
            await Commit(TableEventKind.SatIn, $"{seat.Name} is back");
            await ScheduleHand();
        }
    }

    public async Task<int> JoinWaitlist(long playerId, string displayName)
    {
        Seating.CheckQueue(Open(), playerId);
        var position = await waitlist.Join(playerId, Seating.NameOf(playerId, displayName));
        await WaitlistChanged();
        return position;
    }

    public async Task<bool> LeaveWaitlist(long playerId)
    {
        Created();
        var left = await waitlist.Leave(playerId);
        if (left)
        {
            await WaitlistChanged();
        }

        return left;
    }

    public Task Subscribe(ITableObserver observer)
    {
        observers.Subscribe(observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(ITableObserver observer)
    {
        observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public async Task SetPaused(bool paused)
    {
        if ((Open().Status == TableStatus.Paused) == paused)
        {
            return;
        }

        State.Status = paused ? TableStatus.Paused : (hand is null ? TableStatus.Waiting : TableStatus.Active);
        await Commit(TableEventKind.StatusChanged, paused ? "table paused" : "table resumed");
        await neighbours.UpdateLobby();
        await ScheduleHand();
    }

    public async Task Close(string reason)
    {
        if (Created().Status == TableStatus.Ended)
        {
            return;
        }

        State.CloseReason = string.IsNullOrWhiteSpace(reason) ? "closed" : reason;
        await (hand is null ? CloseNow() : Commit(TableEventKind.StatusChanged, $"table closes after this hand: {State.CloseReason}"));
    }

    public Task<ActResult> Act(long playerId, TurnRef turn, PlayerAction action, long clientSeq) => metrics.MeasureAction(async () =>
    {
        if (Acting.Replay(Open(), playerId, clientSeq) is { } first)
        {
            // A retry of an accepted action: same answer, nothing changes.
            metrics.ActionReplayed();
            return first;
        }

        var (result, description) = Acting.Apply(State, hand, playerId, turn, action, clientSeq);
        metrics.ActionAccepted();

        // The answer is remembered in the same write that persists the action (one write per action).
        await Played(TableEventKind.Action, description);
        return result;
    });

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (State.Created && (State.Status != TableStatus.Ended || outbox.Pending))
        {
            await OnTick();
        }
        else if (await this.GetReminder(reminderName) is { } reminder)
        {
            // Nothing to watch any more.
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>After a move in the hand (or its deal): the next turn opens, the move is committed, a finished hand settled.</summary>
    private async Task Played(TableEventKind kind, string description)
    {
        TableClock.OpenTurn(State, hand, Now);
        await Commit(kind, description);
        if (hand!.IsOver)
        {
            await FinishHand();
        }
    }

    private async Task ScheduleHand()
    {
        var next = HandCycle.Schedule(State, hand, Now);
        if (next == HandCycle.Next.Persist)
        {
            await Persist();
        }
        else if (next == HandCycle.Next.Start)
        {
            hand = HandCycle.Start(State, Now, Shuffler);
            metrics.HandStarted(Config.Variant, State.HandSeats.Any(s => State.Seats[s]!.IsRobot));
            logger.LogInformation("Table {TableId} hand {HandNo} started with {Players} players", TableId, State.HandNo, State.HandSeats.Length);
            await Played(TableEventKind.HandStarted, $"hand #{State.HandNo} starts");
        }
    }

    /// <summary>Settles the finished hand in one write (a table loaded with an over hand settles it, one loaded after never
    /// again), stores its history, tells the players' grains, then does what follows a hand.</summary>
    private async Task FinishHand()
    {
        var done = hand!;
        var settled = HandCycle.Finish(State, done, TableId, Now);
        if (!settled.Conserved)
        {
            // A bug: reported (Critical, and counted), never corrected.
            logger.LogCritical("Chips not conserved at table {TableId} hand {HandNo}: expected {Expected}, actual {Actual} (stacks {Stacks}, rake {Rake})",
                TableId, State.HandNo, settled.ChipsBefore, settled.ChipsAfter, done.Stacks, done.Rake);
            metrics.ConservationViolated(Config.Variant);
        }

        metrics.HandFinished(Config.Variant);
        hand = null;
        logger.LogInformation("Table {TableId} hand {HandNo} ended, rake {Rake}", TableId, State.HandNo, done.Rake);
        await Commit(TableEventKind.HandFinished, $"hand #{State.HandNo} ends", settled.Result);
        await outbox.Flush();
        await neighbours.RecordHands(settled.Outcomes);

        var after = HandCycle.AfterHand(State, TableId);
        neighbours.Vacated(after.Left);
        neighbours.Busted(after.Busted);
        if (after.SitAndGoOver)
        {
            var prize = State.PrizePool;
            if (SitAndGo.Finish(State, TableId) is { } winner)
            {
                logger.LogInformation("Sit-and-go {TableId} won by {PlayerId}, prize {Prize}", TableId, winner.PlayerId, prize);
            }

            await CloseNow();
            return;
        }

        if (after.Changed)
        {
            // The hand's end was stored when it was committed; only what changed since needs another write.
            await Persist();
        }

        await transfers.Settle();
        if (after.Left.Count > 0)
        {
            await OfferFreedSeat();
            await neighbours.UpdateLobby();
        }

        await transfers.RebuyRobots();
        await (HandCycle.Closing(State, Now) ? CloseNow() : ScheduleHand());
    }

    /// <summary>Takes a seat out now (its cash-out recorded and settled), or after the hand if the player is in it.</summary>
    private async Task<long> Remove(int index, SeatLeftReason reason)
    {
        var name = State.Seats[index]!.Name;
        var verb = reason == SeatLeftReason.Removed ? "was removed by an admin" : "leaves";
        if (Seating.LeaveAfterHand(State, hand, index, reason, Now))
        {
            await Commit(TableEventKind.Left, $"{name} {verb} after this hand");
            return 0;
        }

        var (seat, amount) = Seating.Vacate(State, TableId, index);
        await Persist();
        neighbours.Vacated([new Seating.Vacancy(seat.PlayerId, amount, reason)]);
        await transfers.Settle();
        await Commit(TableEventKind.Left, $"{name} {verb}");
        await OfferFreedSeat();
        await neighbours.UpdateLobby();
        await ScheduleHand();
        return amount;
    }

    private async Task CloseNow()
    {
        var vacated = HandCycle.End(State, TableId);
        await Persist();
        neighbours.Vacated(vacated);
        waitlist.Closed();
        await transfers.Settle();
        await neighbours.SaveRecord();
        logger.LogInformation("Table {TableId} closed: {Reason}", TableId, State.CloseReason);
        await Commit(TableEventKind.StatusChanged, $"table closed: {State.CloseReason}");
        await neighbours.UpdateLobby();
        await neighbours.ReleaseTemplate();
    }

    private async Task OfferFreedSeat()
    {
        if (Seating.SeatToOffer(State) is not int free)
        {
            return;
        }

        var next = await waitlist.TakeNext();
        if (next is not null)
        {
            Seating.Hold(State, free, next.PlayerId, Now);
            await Commit(TableEventKind.SeatOffered, $"seat {free} is offered to {next.DisplayName}");
        }
    }

    /// <summary>Stores the queue's new length and shows it in the lobby.</summary>
    private async Task WaitlistChanged()
    {
        await Persist();
        await neighbours.UpdateLobby();
    }

    /// <summary>The timer: does everything that is due, in order, then re-arms for the next thing.</summary>
    private async Task OnTick()
    {
        await outbox.Flush();
        if (!State.Created || State.Status == TableStatus.Ended)
        {
            return;
        }

        await transfers.Settle();
        var due = TableClock.DueAt(State, hand, Now);
        if (due.HoldExpired)
        {
            var lapsed = Seating.ExpireHold(State);
            await Persist();
            waitlist.OfferExpired(lapsed);
            await OfferFreedSeat();
        }

        if (due.WarnExpiry)
        {
            State.ExpiryWarned = true;
            await Commit(TableEventKind.ExpiryWarning, $"the table closes at {State.ExpiresAt:u}");
        }

        if (due.Expired)
        {
            State.CloseReason ??= "expired";
            await CloseNow();
            return;
        }

        if (due.RobotActs || due.TurnTimedOut)
        {
            var actor = hand!.Actor!.Value;
            var robot = due.RobotActs ? Acting.Robot(State, hand, actor, TableId) : null;
            metrics.AutomaticAction(robot: robot is not null);

            // The strategy only proposes legal actions; if it ever does not, the clock's choice is always legal.
            await Played(TableEventKind.Action, robot ?? Acting.TimeOut(State, hand, actor));
        }

        await ScheduleHand();
    }

    /// <summary>Writes the state (the engine hand with it); a failed write deactivates the grain so nothing unstored survives.</summary>
    private async Task Persist()
    {
        State.TableVersion++;
        State.Hand = hand is null ? null : HandSerializer.Serialize(hand);
        try
        {
            await store.WriteStateAsync();
        }
        catch
        {
            // What is in memory was not stored: start again from what was, so nothing unacknowledged survives.
            DeactivateOnIdle();
            throw;
        }

        UpdateGauge();
        timer.Arm();
    }

    /// <summary>Records one event: counts it, persists (the change is acknowledged only once stored), then publishes it.</summary>
    private async Task Commit(TableEventKind kind, string description, HandResult? result = null)
    {
        State.EventSeq++;
        await Persist();
        await observers.Publish(kind, description, result, hand);
    }

    /// <summary>This table's share of the silo's table and player gauges (what was just stored).</summary>
    private void UpdateGauge()
    {
        if (gauge is not null && State.Created)
        {
            var (humans, robots) = TableProjection.Headcount(State);
            gauge.Set(State.Status, humans, robots, State.WaitlistLength);
        }
    }

    private IPlayerGrain Player(long playerId) => GrainFactory.GetGrain<IPlayerGrain>(playerId);

    private TableState Created() => State.Created ? State : throw PokerException.NotFound($"Table {TableId}");

    private TableState Open() => Created().Status != TableStatus.Ended ? State : throw PokerException.Conflict("table_ended", "This table has ended");
}
