using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Orleans.Poker.Engine.Rules;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Lobby;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Storage;
using Orleans.Poker.Grains.Telemetry;
using Orleans.Runtime;
using Orleans.Utilities;

namespace Orleans.Poker.Grains.Tables;

/// <summary>
/// A table: seats, stacks and the engine hand in progress. Every accepted change is persisted before the call
/// answers and then emitted as one <see cref="TableEvent"/>. Clocks come from the injected <see cref="TimeProvider"/>;
/// one grain timer is armed for the earliest thing due, and a reminder re-activates the table after a silo failure.
/// </summary>
public sealed partial class TableGrain(
    [PersistentState("table", PokerStorage.Name)] IPersistentState<TableState> store,
    TimeProvider time,
    IHandHistoryStore histories,
    ITableRecordStore records,
    GameMetrics metrics,
    ILogger<TableGrain> logger) : Grain, ITableGrain, IRemindable
{
    private const string WatchdogReminder = "watchdog";
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RobotThinkTime = TimeSpan.FromSeconds(1);

    private readonly ObserverManager<ITableObserver> observers = new(TimeSpan.FromMinutes(5), logger);
    private Hand? hand;
    private IGrainTimer? timer;
    private DateTimeOffset timerDue;
    private TableGauge? gauge;

    private TableState State => store.State;

    private string TableId => this.GetPrimaryKeyString();

    private TemplateConfig Config => State.Config ?? throw PokerException.NotFound($"Table {TableId}");

    private DateTimeOffset Now => time.GetUtcNow();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        gauge = metrics.Track(TableId);
        UpdateGauge();
        if (State.Hand is { } bytes)
        {
            hand = HandSerializer.Deserialize(bytes);
        }

        if (!State.Created)
        {
            return;
        }

        if (State.Status != TableStatus.Ended)
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
                ArmTurnClock();
            }

            // Moves decided before a crash are finished now; the turn clock and hand start are re-armed.
            await SettleTransfers();
        }

        await StoreHistories();
        ArmTimer();
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
        var config = await template.GetVersion(version);
        var now = Now;
        State.Created = true;
        State.TemplateId = creation.TemplateId;
        State.TemplateVersion = version;
        State.Config = config;
        State.Name = string.IsNullOrWhiteSpace(creation.Name) ? config.Name : creation.Name.Trim();
        State.Status = TableStatus.Waiting;
        State.CreatedBy = creation.CreatedBy;
        State.CreatedAt = now;
        State.Seats = new SeatState?[config.MaxPlayers];
        State.InviteCode = config.IsPrivate || creation.Private ? NewInviteCode() : null;
        State.ExpiresAt = config.Type == TableType.Expiring && config.TimeToLive is { } ttl ? now + ttl : null;
        SeatRobots();
        await SaveRecord();
        await Persist();
        await this.RegisterOrUpdateReminder(WatchdogReminder, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1));
        logger.LogInformation("Table {TableId} created from template {TemplateId} v{TemplateVersion}", TableId, State.TemplateId, version);
        await Emit(TableEventKind.StatusChanged, "table created");
        await UpdateLobby();
        await RebuyRobots();
        await MaybeScheduleHand();
        return Summary();
    }

    public Task<TableSummary> GetSummary()
    {
        EnsureCreated();
        return Task.FromResult(Summary());
    }

    public Task<TemplateConfig> GetConfig()
    {
        EnsureCreated();
        return Task.FromResult(Config);
    }

    public Task<TableSnapshot> GetSnapshot(long? viewerId)
    {
        EnsureCreated();
        var view = BuildView();
        var mine = viewerId is { } id ? BuildPrivateViews().FirstOrDefault(p => p.PlayerId == id) : null;
        return Task.FromResult(new TableSnapshot(State.EventSeq, State.TableVersion, view, mine));
    }

    public Task<string> GetInviteCode(long playerId)
    {
        EnsureCreated();
        if (State.InviteCode is null)
        {
            throw new PokerException("not_private", "This table is public and has no invite code");
        }

        if (playerId != State.CreatedBy && SeatOf(playerId) is null)
        {
            throw PokerException.Forbidden("Only the table's creator and its players can see the invite code");
        }

        return Task.FromResult(State.InviteCode);
    }

    public async Task<int> Sit(SeatRequest request)
    {
        EnsureOpen();
        var config = Config;
        if (SeatOf(request.PlayerId) is not null)
        {
            throw PokerException.Conflict("already_seated", "You already sit at this table");
        }

        if (State.InviteCode is not null && !CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.UTF8.GetBytes(request.InviteCode ?? ""), System.Text.Encoding.UTF8.GetBytes(State.InviteCode)))
        {
            throw PokerException.Forbidden("This private table needs its invite code");
        }

        if (config.Type == TableType.SitAndGo && State.SitAndGoStarted)
        {
            throw PokerException.Conflict("tournament_started", "This sit-and-go has started; join another one");
        }

        var seat = ChooseSeat(request.PlayerId, request.Seat);
        var sitAndGo = config.Type == TableType.SitAndGo;
        var amount = sitAndGo ? config.MinBuyIn : request.BuyIn;
        if (!sitAndGo && (amount < config.MinBuyIn || amount > config.MaxBuyIn))
        {
            throw new PokerException("invalid_buy_in", $"The buy-in must be between {config.MinBuyIn} and {config.MaxBuyIn} chips");
        }

        var name = string.IsNullOrWhiteSpace(request.DisplayName) ? $"Player {request.PlayerId}" : request.DisplayName.Trim();
        var transfer = new PendingTransfer
        {
            TransferId = $"{TableId}:in:{request.PlayerId}:{Guid.NewGuid():N}",
            PlayerId = request.PlayerId,
            Amount = amount,
            ToTable = true,
            Kind = LedgerKind.BuyIn,
        };

        // The buy-in is recorded before the balance is debited: after a crash it is either confirmed or refunded.
        State.PendingTransfers.Add(transfer);
        await Persist();
        try
        {
            await GrainFactory.GetGrain<IPlayerGrain>(request.PlayerId).TransferToTable(transfer.TransferId, TableId, amount);
        }
        catch (PokerException)
        {
            State.PendingTransfers.Remove(transfer);
            await Persist();
            throw;
        }

        State.PendingTransfers.Remove(transfer);
        State.Seats[seat] = new SeatState { PlayerId = request.PlayerId, Name = name, Stack = sitAndGo ? config.StartingStack : amount };
        if (sitAndGo)
        {
            State.PrizePool += amount;
        }

        if (State.Hold?.PlayerId == request.PlayerId || State.Hold?.Seat == seat)
        {
            State.Hold = null;
        }

        await Persist();
        if (State.WaitlistLength > 0)
        {
            // Only a table with a queue wakes its waitlist grain: idle tables stay small.
            var waitlist = GrainFactory.GetGrain<IWaitlistGrain>(TableId);
            if (await waitlist.Leave(request.PlayerId))
            {
                State.WaitlistLength = (await waitlist.List()).Count;
            }
        }

        await GrainFactory.GetGrain<IPlayerGrain>(request.PlayerId).SetSeated(TableId, true);
        logger.LogInformation("Player {PlayerId} sat at table {TableId} seat {Seat} with {Amount}", request.PlayerId, TableId, seat, amount);
        await Emit(TableEventKind.Seated, $"{name} sits down");
        await UpdateLobby();
        await MaybeScheduleHand();
        return seat;
    }

    public async Task<long> Leave(long playerId)
    {
        EnsureCreated();
        var seat = SeatOf(playerId) ?? throw PokerException.Conflict("not_seated", "You do not sit at this table");
        return await Remove(seat, "leaves");
    }

    public async Task Kick(long playerId)
    {
        EnsureCreated();
        var seat = SeatOf(playerId) ?? throw PokerException.NotFound($"Player {playerId} at table {TableId}");
        await Remove(seat, "was removed by an admin");
    }

    public async Task SitOut(long playerId)
    {
        EnsureOpen();
        var seat = State.Seats[SeatOf(playerId) ?? throw PokerException.Conflict("not_seated", "You do not sit at this table")]!;
        if (seat.SittingOut)
        {
            return;
        }

        seat.SittingOut = true;
        await Emit(TableEventKind.SatOut, $"{seat.Name} sits out");
    }

    public async Task SitIn(long playerId)
    {
        EnsureOpen();
        var seat = State.Seats[SeatOf(playerId) ?? throw PokerException.Conflict("not_seated", "You do not sit at this table")]!;
        if (!seat.SittingOut)
        {
            return;
        }

        if (StackOf(seat) <= 0)
        {
            throw PokerException.Conflict("no_chips", "Top up before sitting back in: you have no chips");
        }

        seat.SittingOut = false;
        seat.Timeouts = 0;
        await Emit(TableEventKind.SatIn, $"{seat.Name} is back");
        await MaybeScheduleHand();
    }

    public async Task<long> TopUp(long playerId, long amount)
    {
        EnsureOpen();
        var config = Config;
        if (config.Type == TableType.SitAndGo)
        {
            throw new PokerException("not_allowed", "No top-ups in a sit-and-go");
        }

        var index = SeatOf(playerId) ?? throw PokerException.Conflict("not_seated", "You do not sit at this table");
        if (hand is not null && HandSeatOf(index) is not null)
        {
            throw PokerException.Conflict("hand_in_progress", "Top up between hands");
        }

        var seat = State.Seats[index]!;
        if (amount <= 0 || seat.Stack + amount > config.MaxBuyIn)
        {
            throw new PokerException("invalid_amount", $"A top-up must be positive and keep the stack at most {config.MaxBuyIn} (now {seat.Stack})");
        }

        var transfer = new PendingTransfer
        {
            TransferId = $"{TableId}:in:{playerId}:{Guid.NewGuid():N}",
            PlayerId = playerId,
            Amount = amount,
            ToTable = true,
            Kind = LedgerKind.BuyIn,
        };
        State.PendingTransfers.Add(transfer);
        await Persist();
        try
        {
            await GrainFactory.GetGrain<IPlayerGrain>(playerId).TransferToTable(transfer.TransferId, TableId, amount);
        }
        catch (PokerException)
        {
            State.PendingTransfers.Remove(transfer);
            await Persist();
            throw;
        }

        State.PendingTransfers.Remove(transfer);
        seat.Stack += amount;
        await Emit(TableEventKind.Seated, $"{seat.Name} tops up {amount}");
        await MaybeScheduleHand();
        return seat.Stack;
    }

    public async Task<int> JoinWaitlist(long playerId, string displayName)
    {
        EnsureOpen();
        if (!Config.WaitlistEnabled)
        {
            throw new PokerException("waitlist_off", "This table has no waitlist");
        }

        if (SeatOf(playerId) is not null)
        {
            throw PokerException.Conflict("already_seated", "You already sit at this table");
        }

        if (State.Hold is null && Array.IndexOf(State.Seats, null) >= 0)
        {
            throw PokerException.Conflict("seat_free", "A seat is free: sit down instead of queueing");
        }

        var waitlist = GrainFactory.GetGrain<IWaitlistGrain>(TableId);
        var position = await waitlist.Join(playerId, string.IsNullOrWhiteSpace(displayName) ? $"Player {playerId}" : displayName.Trim());
        await WaitlistChanged(waitlist);
        return position;
    }

    public async Task<bool> LeaveWaitlist(long playerId)
    {
        EnsureCreated();
        var waitlist = GrainFactory.GetGrain<IWaitlistGrain>(TableId);
        var left = await waitlist.Leave(playerId);
        if (left)
        {
            await WaitlistChanged(waitlist);
        }

        return left;
    }

    private async Task WaitlistChanged(IWaitlistGrain waitlist)
    {
        State.WaitlistLength = (await waitlist.List()).Count;
        await Persist();
        await UpdateLobby();
    }

    public Task Subscribe(ITableObserver observer)
    {
        observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(ITableObserver observer)
    {
        observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    public async Task SetPaused(bool paused)
    {
        EnsureOpen();
        var wanted = paused ? TableStatus.Paused : (hand is null ? TableStatus.Waiting : TableStatus.Active);
        if ((State.Status == TableStatus.Paused) == paused)
        {
            return;
        }

        State.Status = wanted;
        await Emit(TableEventKind.StatusChanged, paused ? "table paused" : "table resumed");
        await UpdateLobby();
        await MaybeScheduleHand();
    }

    public async Task Close(string reason)
    {
        EnsureCreated();
        if (State.Status == TableStatus.Ended)
        {
            return;
        }

        State.CloseReason = string.IsNullOrWhiteSpace(reason) ? "closed" : reason;
        if (hand is null)
        {
            await CloseNow();
        }
        else
        {
            await Emit(TableEventKind.StatusChanged, $"table closes after this hand: {State.CloseReason}");
        }
    }

    public async Task<string?> GetHandHistory(long handNo)
    {
        EnsureCreated();
        var record = State.PendingHistories.Find(h => h.HandNumber == handNo) ?? await histories.GetAsync(TableId, handNo);
        return record?.Phh;
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (!State.Created || (State.Status == TableStatus.Ended && State.PendingHistories.Count == 0))
        {
            // Nothing to watch any more.
            var reminder = await this.GetReminder(reminderName);
            if (reminder is not null)
            {
                await this.UnregisterReminder(reminder);
            }

            return;
        }

        await OnTick();
    }

    private void EnsureCreated()
    {
        if (!State.Created)
        {
            throw PokerException.NotFound($"Table {TableId}");
        }
    }

    private void EnsureOpen()
    {
        EnsureCreated();
        if (State.Status == TableStatus.Ended)
        {
            throw PokerException.Conflict("table_ended", "This table has ended");
        }
    }

    private int? SeatOf(long playerId)
    {
        for (var i = 0; i < State.Seats.Length; i++)
        {
            if (State.Seats[i]?.PlayerId == playerId)
            {
                return i;
            }
        }

        return null;
    }

    private int ChooseSeat(long playerId, int? wanted)
    {
        var seats = State.Seats;
        bool Free(int i) => seats[i] is null && (State.Hold is not { } hold || hold.Seat != i || hold.PlayerId == playerId);
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

        if (State.Hold is { } mine && mine.PlayerId == playerId && seats[mine.Seat] is null)
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

        throw PokerException.Conflict("table_full", Config.WaitlistEnabled
            ? "The table is full: join its waitlist"
            : "The table is full");
    }

    /// <summary>The table's row in PostgreSQL: ledger and hand rows reference it, so it is written before chips move.</summary>
    private Task SaveRecord() => records.UpsertTableAsync(new TableRecord(
        TableId, State.TemplateId, State.TemplateVersion, State.Name, Config.Type, State.Status, State.InviteCode,
        State.CreatedAt, State.ExpiresAt, State.Status == TableStatus.Ended ? Now : null));

    private static string NewInviteCode() => Convert.ToHexString(RandomNumberGenerator.GetBytes(5)).ToLowerInvariant();

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
        ArmTimer();
    }

    /// <summary>This table's share of the silo's table and player gauges (what was just stored).</summary>
    private void UpdateGauge()
    {
        if (gauge is null || !State.Created)
        {
            return;
        }

        int humans = 0, robots = 0;
        foreach (var seat in State.Seats)
        {
            if (seat is not null)
            {
                _ = seat.IsRobot ? robots++ : humans++;
            }
        }

        gauge.Set(State.Status, humans, robots, State.WaitlistLength);
    }
}
