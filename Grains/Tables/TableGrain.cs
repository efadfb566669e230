using Microsoft.Extensions.Logging;
using Orleans.Poker.Engine.Rules;
using Orleans.Poker.Grains.Analytics;
using Orleans.Poker.Grains.Interfaces.Admin;
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
/// observers (<see cref="TableObservers"/>). What the table then does on its own — the next turn, the hand's settlement,
/// the next hand, freed seats, closing, whatever its clock says is due — is <see cref="TableFlow"/>'s, which holds the
/// engine hand. The rest of the Orleans and I/O work is done by the single-purpose classes beside it:
/// <see cref="TableTransfers"/> (the one chip-move executor), <see cref="HandHistoryOutbox"/>, <see cref="TableTimer"/>
/// (the one grain timer, armed for the earliest thing due by <see cref="TableClock"/>), <see cref="TableWaitlist"/> and
/// <see cref="TableNeighbours"/> (lobby, table record, template, players' grains, the turn pings' presence grain). A reminder re-activates the table
/// after a silo failure.
/// </summary>
public sealed class TableGrain(
    [PersistentState("table", PokerStorage.Name)] IPersistentState<TableState> store,
    TimeProvider time,
    IHandHistoryStore histories,
    ITableJournal journal,
    ITableRecordStore records,
    SeatHistoryWriter history,
    GameMetrics metrics,
    ILogger<TableGrain> logger) : Grain, ITableGrain, IRemindable, ITableWrites, IGrainMigrationParticipant
{
    private const string WatchdogReminder = "watchdog";

    /// <summary>Moves journaled in a row before the whole state is stored again: at most this many are made again when the table is loaded.</summary>
    public const int MovesBetweenStates = 100;

    // Moves journaled since the whole state was last stored.
    private int journaled;

    // The observers of the activation this one replaces, when Orleans migrated it here (OnRehydrate).
    private TableObservers.Carried carried = TableObservers.Carried.None;

    private TableGauge? gauge;

    // Set up on activation, once the storage has loaded the state they share.
    private TableTransfers transfers = null!;
    private HandHistoryOutbox outbox = null!;
    private TableNeighbours neighbours = null!;
    private TableTimer timer = null!;
    private TableObservers observers = null!;
    private TableWaitlist waitlist = null!;
    private TableFlow flow = null!;

    private TableState State => store.State;

    private string TableId => this.GetPrimaryKeyString();

    private TemplateConfig Config => State.Config ?? throw PokerException.NotFound($"Table {TableId}");

    private DateTimeOffset Now => time.GetUtcNow();

    private Hand? Hand => flow.Hand;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        transfers = new TableTransfers(GrainFactory, TableId, State, this, logger);
        outbox = new HandHistoryOutbox(histories, TableId, State, logger);
        neighbours = new TableNeighbours(GrainFactory, records, history, time, TableId, State, logger);
        observers = new TableObservers(TableId, State, logger);
        observers.Subscribe(carried);

        waitlist = new TableWaitlist(GrainFactory, history, time, TableId, State, logger);
        flow = new TableFlow(TableId, State, this, transfers, outbox, neighbours, waitlist, metrics, time, logger);
        timer = new TableTimer(this, time, () => TableClock.Next(State, Hand, Now), flow.Tick);

        gauge = metrics.Track(TableId);
        UpdateGauge();
        if (State.Created && await journal.Read(TableId, State.TableVersion) is { Count: > 0 } later)
        {
            // Moves stored after the whole state: made again, then stored whole (what they made no longer needs them).
            flow.Replay(later);
            logger.LogInformation("Table {TableId} made {Moves} journaled moves again up to version {TableVersion}", TableId, later.Count, State.TableVersion);
            await Persist();
        }

        if (State.Created && State.Status != TableStatus.Ended)
        {
            await flow.Recover();
        }

        if (State.Created)
        {
            await outbox.Flush();
            timer.Arm();
        }
    }

    /// <summary>
    /// Orleans carries this activation to another silo (<see cref="TableHandOver"/> on a silo's stop, a silo shutting
    /// down with calls waiting, <c>MigrateOnIdle</c>) with the state in memory instead of loading it there again. That
    /// state is current up to the last move but holds the hand in play only as the last whole write left it: the hand
    /// goes in as a whole write would store it (nothing is written). The observers go along, so that the gateways
    /// and the bot watching the table see its next event without subscribing again.
    /// </summary>
    public void OnDehydrate(IDehydrationContext dehydrationContext)
    {
        ArgumentNullException.ThrowIfNull(dehydrationContext);
        if (flow is not null && State.Created)
        {
            State.Hand = Hand is null ? null : HandSerializer.Serialize(Hand);
            observers.CarryTo(dehydrationContext);
        }
    }

    /// <summary>Takes the observers the activation this one replaces carried (<see cref="OnDehydrate"/>); they subscribe on activation.</summary>
    public void OnRehydrate(IRehydrationContext rehydrationContext)
    {
        ArgumentNullException.ThrowIfNull(rehydrationContext);
        carried = TableObservers.CarriedIn(rehydrationContext);
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
        try
        {
            Seating.Open(State, TableId, creation, version, await template.GetVersion(version), Now);
            State.Maintenance = (await Maintenance().Get()).On;
            await neighbours.SaveRecord();
            if (await journal.Read(TableId, State.TableVersion) is { Count: > 0 } claimed)
            {
                // An earlier creation claimed a version in the journal, then its state write failed: start after it.
                State.TableVersion = claimed[^1].Version;
            }

            // Before the state: a stored table always has its watchdog (one left by a creation that failed after it
            // finds no table and unregisters itself).
            await this.RegisterOrUpdateReminder(WatchdogReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
            await Persist();
        }
        catch
        {
            // Not created (its row or its state could not be written): this activation forgets the table it opened in
            // memory, so a retry creates it afresh instead of finding it "exists already", and the template drops its claim.
            DeactivateOnIdle();
            await template.Release(TableId);
            throw;
        }

        logger.LogInformation("Table {TableId} created from template {TemplateId} v{TemplateVersion}", TableId, State.TemplateId, State.TemplateVersion);

        // Listed as soon as it is stored: a creation that fails after this point leaves a table players can find (its
        // retry answers table_exists), not one nobody sees that counts against its template.
        await neighbours.UpdateLobby();
        await Commit(TableEventKind.StatusChanged, "table created");
        await flow.OfferFreedSeat();
        await neighbours.UpdateLobby();
        await transfers.RebuyRobots();
        await flow.ScheduleHand();
        return TableProjection.Summary(State, TableId);
    }

    public Task<TableSummary> GetSummary() => Task.FromResult(TableProjection.Summary(Created(), TableId));

    public Task<TemplateConfig> GetConfig() => Task.FromResult(Config);

    public Task<TableSnapshot> GetSnapshot(long? viewerId)
    {
        var state = Created();
        var mine = viewerId is { } id ? TableProjection.PrivateViews(state, Hand).FirstOrDefault(p => p.PlayerId == id) : null;
        return Task.FromResult(new TableSnapshot(state.EventSeq, state.TableVersion, TableProjection.View(state, Hand, TableId), mine));
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
        var offered = Seating.Take(State, admission, Now);
        await Persist();
        neighbours.Seated(admission);
        await waitlist.Seated(request.PlayerId, offered);
        await neighbours.Tell(request.PlayerId);
        logger.LogInformation("Player {PlayerId} sat at table {TableId} seat {Seat} with {Amount}", request.PlayerId, TableId, admission.Seat, admission.Amount);
        await Commit(TableEventKind.Seated, $"{admission.Name} sits down");
        await flow.OfferFreedSeat();
        await neighbours.UpdateLobby();
        await flow.ScheduleHand();
        return admission.Seat;
    }

    public async Task<long> TopUp(long playerId, long amount)
    {
        var seat = Seating.CheckTopUp(Open(), Hand, playerId, amount);
        await transfers.MoveIn(ChipMoves.TopUp(TableId, playerId, amount));
        seat.Stack += amount;
        await Commit(TableEventKind.Seated, $"{seat.Name} tops up {amount}");
        await flow.ScheduleHand();
        return seat.Stack;
    }

    public Task<long> Leave(long playerId) => flow.Remove(Seating.Occupied(Created(), playerId), SeatLeftReason.Left);

    public Task Kick(long playerId) =>
        flow.Remove(Seating.SeatOf(Created(), playerId) ?? throw PokerException.NotFound($"Player {playerId} at table {TableId}"), SeatLeftReason.Removed);

    public async Task SitOut(long playerId)
    {
        if (Seating.SitOut(Open(), playerId, Now) is { } seat)
        {
            await Commit(TableEventKind.SatOut, $"{seat.Name} sits out");
        }
    }

    public async Task SitIn(long playerId)
    {
        if (Seating.SitIn(Open(), Hand, playerId) is { } seat)
        {
            await Commit(TableEventKind.SatIn, $"{seat.Name} is back");
            await flow.ScheduleHand();
        }
    }

    public Task<int> JoinWaitlist(long playerId, string displayName) => JoinWaitlist(playerId, displayName, null);

    public async Task<int> JoinWaitlist(long playerId, string displayName, string? inviteCode)
    {
        Seating.CheckQueue(Open(), playerId, inviteCode);
        try
        {
            var position = await waitlist.Join(playerId, Seating.NameOf(playerId, displayName));
            await WaitlistChanged();
            return position;
        }
        catch (PokerException e) when (e.Code == "already_queued")
        {
            // Queued by an earlier attempt that failed before the table stored its queue's length: it is stored now.
            if (await waitlist.Recount())
            {
                await WaitlistChanged();
            }

            throw;
        }
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

    public Task<long> Renew(ITableObserver observer)
    {
        Created();
        observers.Subscribe(observer);
        return Task.FromResult(State.EventSeq);
    }

    public Task Unsubscribe(ITableObserver observer)
    {
        observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public Task<long> SubscribeFeed(ITableFeedObserver observer)
    {
        observers.Subscribe(observer);
        return Task.FromResult(State.EventSeq);
    }

    public Task UnsubscribeFeed(ITableFeedObserver observer)
    {
        observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public async Task SetPaused(bool paused)
    {
        if (Open().PausedByAdmin != paused && (State.Status == TableStatus.Paused) == paused)
        {
            // Paused by its host already (or resumed): the pause is the admin's now (or no longer), nothing else changes.
            State.PausedByAdmin = paused;
            await Persist();
        }

        State.PausedByAdmin = paused;
        await Pause(paused, paused ? "table paused" : "table resumed");
    }

    public async Task Close(string reason)
    {
        if (Created().Status == TableStatus.Ended)
        {
            return;
        }

        State.CloseReason = string.IsNullOrWhiteSpace(reason) ? "closed" : reason;
        await (Hand is null ? flow.CloseNow() : Commit(TableEventKind.StatusChanged, $"table closes after this hand: {State.CloseReason}"));
    }

    public async Task<HostSettings> GetHostSettings(long hostId)
    {
        HostControls.Check(Created(), hostId);
        return HostControls.Settings(State, await Template());
    }

    public Task HostPause(long hostId, bool paused)
    {
        HostControls.Check(Open(), hostId);
        if (!paused)
        {
            HostControls.CheckResume(State);
        }

        return Pause(paused, paused ? "the host pauses the table: no new hand after this one" : "the host resumes the table");
    }

    public Task<long> HostKick(long hostId, long playerId)
    {
        HostControls.Check(Open(), hostId);
        return flow.Remove(HostControls.KickedSeat(State, hostId, playerId, TableId), SeatLeftReason.Removed, "the host");
    }

    public async Task<HostSettings> HostChangeSettings(long hostId, long? bigBlind, TimeSpan? turnTime)
    {
        HostControls.Check(Open(), hostId);
        var template = await Template();
        var description = HostControls.Change(State, template, bigBlind, turnTime);
        logger.LogInformation("Host {PlayerId} of table {TableId}: {Change}", hostId, TableId, description);
        await Commit(TableEventKind.StatusChanged, description);
        return HostControls.Settings(State, template);
    }

    public Task HostClose(long hostId)
    {
        HostControls.Check(Created(), hostId);
        return Close("closed by the host");
    }

    public async Task SetMaintenance(bool on)
    {
        if (!State.Created || State.Status == TableStatus.Ended || State.Maintenance == on)
        {
            return;
        }

        var wasOnHold = HandCycle.OnHold(State);
        State.Maintenance = on;
        SitAndGo.HoldChanged(State, wasOnHold, Now);
        if (!on)
        {
            // Nobody could deal while it lasted: a player's table gets its whole idle time again.
            TableHygiene.Active(State, Now);
        }

        await Commit(TableEventKind.StatusChanged, on
            ? "the room is under maintenance: no new hand starts until it is over"
            : "maintenance is over: hands are dealt again");
        await flow.ScheduleHand();
    }

    /// <summary>Pauses (the hand in play finishes, no new one starts) or resumes; the same state changes nothing.</summary>
    private async Task Pause(bool paused, string description)
    {
        if ((Open().Status == TableStatus.Paused) == paused)
        {
            return;
        }

        var wasOnHold = HandCycle.OnHold(State);
        State.Status = paused ? TableStatus.Paused : (Hand is null ? TableStatus.Waiting : TableStatus.Active);
        SitAndGo.HoldChanged(State, wasOnHold, Now);
        await Commit(TableEventKind.StatusChanged, description);
        await neighbours.UpdateLobby();
        await flow.ScheduleHand();
    }

    /// <summary>The table's template version: the limits of a host's change.</summary>
    private Task<TemplateConfig> Template() => GrainFactory.GetGrain<ITemplateGrain>(State.TemplateId).GetVersion(State.TemplateVersion);

    public Task<ActResult> Act(long playerId, TurnRef turn, PlayerAction action, long clientSeq) => metrics.MeasureAction(async () =>
    {
        if (Acting.Replay(Open(), playerId, clientSeq) is { } first)
        {
            // A retry of an accepted action: same answer, nothing changes.
            metrics.ActionReplayed();
            return (first, false);
        }

        var move = TableMove.Act(playerId, turn, action, clientSeq, Now);
        var (result, description) = Acting.Apply(State, Hand, playerId, turn, action, clientSeq);
        metrics.ActionAccepted();

        // The answer is remembered with the move, which is what the write stores (a few bytes in the table's journal).
        var handNo = State.HandNo;
        await flow.Played(TableEventKind.Action, description, move);
        return (result, State.HandNo != handNo || Hand is null);
    });

    public async Task<PreAction?> SetPreAction(long playerId, long handNo, PreAction? choice)
    {
        var kept = PreActions.Choose(Open(), Hand, playerId, handNo, choice);

        // Only the player sees it (their private view): stored, not published.
        await Persist();
        return kept;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (State.Created && State.Maintenance && State.Status != TableStatus.Ended && !(await Maintenance().Get()).On)
        {
            // Switched off while this table was away (or its word was lost): it must not be left on hold.
            await SetMaintenance(false);
        }

        if (State.Created && TableClock.Watched(State))
        {
            await flow.Tick();
        }
        else if (await this.GetReminder(reminderName) is { } reminder)
        {
            // Nothing to watch any more.
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>Stores the queue's new length and shows it in the lobby.</summary>
    /// <summary>
    /// The queue's new length, stored and told: to the table's viewers as an event (those queued behind a player who
    /// left read their new places from it, even at a table that deals no hand) and to the lobby.
    /// </summary>
    private async Task WaitlistChanged()
    {
        await Commit(TableEventKind.WaitlistChanged, $"{State.WaitlistLength} waiting for a seat");
        await neighbours.UpdateLobby();
    }

    /// <summary>
    /// Stores the state's next version, claimed in the table's journal first (<see cref="ITableJournal"/>): a move
    /// alone (at most <see cref="MovesBetweenStates"/> in a row), anything else as the whole state (the engine hand with
    /// it). A failed write deactivates the grain so nothing unstored survives.
    /// </summary>
    public async Task Persist(TableMove? move = null)
    {
        State.TableVersion++;
        var whole = move is null || journaled >= MovesBetweenStates;
        try
        {
            await journal.Append(TableId, State.TableVersion, whole ? null : move);
            if (whole)
            {
                State.Hand = Hand is null ? null : HandSerializer.Serialize(Hand);
                await store.WriteStateAsync();
                journaled = 0;
            }
            else
            {
                journaled++;
            }
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
    public async Task Commit(TableEventKind kind, string description, HandResult? result = null, TableMove? move = null)
    {
        State.EventSeq++;
        await Persist(move);
        await observers.Publish(kind, description, result, Hand);
        neighbours.TurnChanged(Hand);
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

    private IMaintenanceGrain Maintenance() => GrainFactory.GetGrain<IMaintenanceGrain>(IMaintenanceGrain.Key);

    private TableState Created() => State.Created ? State : throw PokerException.NotFound($"Table {TableId}");

    private TableState Open() => Created().Status != TableStatus.Ended ? State : throw PokerException.Conflict("table_ended", "This table has ended");
}
