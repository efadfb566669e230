using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Storage;
using Orleans.Poker.Grains.Tables.Model;

namespace Orleans.Poker.Grains.Players;

/// <summary>
/// A player's profile, play-money balance, statistics and tables. Every balance change is appended to the ledger
/// store first (idempotent by transfer id), then the state is persisted, then the call answers: a crash in
/// between is repaired by the retry, which finds the ledger row and applies it once. Hand statistics are the one thing
/// stored behind: a hand's are kept in memory and written with the next write, at the latest
/// <see cref="StatsWriteDelay"/> after it or when the grain deactivates (three players' whole states at every hand's
/// end were a third of a table's writes on PostgreSQL); a silo that dies loses at most that much of them, never a chip.
/// </summary>
public sealed class PlayerGrain(
    [PersistentState("player", PokerStorage.Name)] IPersistentState<PlayerState> store,
    ILedgerStore ledger,
    IPlayerStore players,
    TimeProvider time,
    IOptions<PlayerOptions> options,
    ILogger<PlayerGrain> logger) : Grain, IPlayerGrain
{
    private const int RecentHandsKept = 100;
    private const int MaxLedgerPage = 200;

    /// <summary>How long a ban waits for each of the player's tables to stand them up (<see cref="StandUp"/>).</summary>
    private static readonly TimeSpan KickTimeout = TimeSpan.FromSeconds(5);

    public static readonly TimeSpan StatsWriteDelay = TimeSpan.FromSeconds(10);

    // Armed while hand statistics are in memory only; any write stores them.
    private IGrainTimer? statsWrite;

    /// <summary>A bound on the players one player mutes, so the state cannot grow without limit.</summary>
    public const int MaxChatMutes = 500;

    private PlayerState State => store.State;

    private long PlayerId => this.GetPrimaryKeyLong();

    private PlayerOptions Options => options.Value;

    private PlayerProfile Profile => State.Profile ?? throw PokerException.NotFound($"Player {PlayerId}");

    public async Task<PlayerSummary> Register(PlayerProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var now = time.GetUtcNow();
        var existing = State.Profile;
        var refreshed = (existing ?? new PlayerProfile { CreatedAt = now, Language = NormalizeLanguage(profile.Language) }) with
        {
            PlayerId = PlayerId,
            TelegramId = profile.TelegramId,
            Username = profile.Username,
            DisplayName = NormalizeName(profile.DisplayName),
            IsGuest = profile.IsGuest,
            IsRobot = profile.IsRobot,
        };

        // The row comes first: ledger rows reference it. The profile is taken only once the grant is applied, so a
        // registration whose grant failed is a new player again when retried.
        await players.UpsertAsync(refreshed, now);
        if (existing is null)
        {
            await Apply($"grant:{PlayerId}", LedgerKind.Grant, Options.StartingBalance, null, "starting balance", null);
            logger.LogInformation("Player {PlayerId} registered with {Balance} chips", PlayerId, State.Balance);
        }

        State.Profile = refreshed;
        await Persist();
        return Summary();
    }

    public Task<PlayerSummary> Get() => Task.FromResult(Summary());

    public async Task<PlayerProfile> UpdateProfile(string? displayName, string? language)
    {
        var profile = Profile;
        if (displayName is not null)
        {
            var name = displayName.Trim();
            if (name.Length is 0 or > PlayerProfile.MaxNameLength)
            {
                throw new PokerException("invalid_name", $"The display name must have 1 to {PlayerProfile.MaxNameLength} characters.");
            }

            profile = profile with { DisplayName = name };
        }

        if (language is not null)
        {
            if (language is not ("en" or "fa"))
            {
                throw new PokerException("invalid_language", $"Language '{language}' is not supported: use 'en' or 'fa'.");
            }

            profile = profile with { Language = language };
        }

        await players.UpsertAsync(profile, time.GetUtcNow());
        State.Profile = profile;
        await Persist();
        return profile;
    }

    public async Task SetReachable(bool reachable)
    {
        var profile = Profile;
        if (profile.Unreachable == !reachable && (profile.BotChat || !reachable))
        {
            return;
        }

        // Reachable means they opened the private chat: from then on the bot may write to them.
        profile = profile with { Unreachable = !reachable, BotChat = profile.BotChat || reachable };
        await players.UpsertAsync(profile, time.GetUtcNow());
        State.Profile = profile;
        await Persist();
        ForgetAtTables();
    }

    public async Task<long> TransferToTable(string transferId, string tableId, long amount)
    {
        _ = Profile;
        RequireTransfer(transferId, tableId, amount);
        if (State.Ban is not null && !State.AppliedTransfers.Exists(t => t.TransferId == transferId))
        {
            throw Banned();
        }

        if (await Apply(transferId, LedgerKind.BuyIn, -amount, tableId, null, null))
        {
            await Persist();
        }

        return State.Balance;
    }

    public async Task<long> TransferFromTable(string transferId, string tableId, long amount, LedgerKind kind)
    {
        RequireTransfer(transferId, tableId, amount);
        if (PlayerId == HouseAccount.PlayerId)
        {
            await OpenHouse(kind);
        }
        else if (kind is not (LedgerKind.CashOut or LedgerKind.Prize))
        {
            throw new PokerException("invalid_kind", $"A transfer from a table is a CashOut or a Prize, not {kind}.");
        }

        _ = Profile;

        if (await Apply(transferId, kind, amount, tableId, null, null))
        {
            await Persist();
        }

        return State.Balance;
    }

    public async Task<long> AdminAdjust(string transferId, long amount, long adminId, string reason)
    {
        _ = Profile;
        if (string.IsNullOrWhiteSpace(transferId))
        {
            throw new PokerException("invalid_transfer", "A transfer id is required.");
        }

        if (amount == 0)
        {
            throw new PokerException("invalid_amount", "An adjustment must add or remove chips (amount is 0).");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new PokerException("invalid_reason", "An adjustment needs a reason.");
        }

        var note = reason.Trim();
        if (await Apply(transferId, LedgerKind.AdminAdjustment, amount, null, note, adminId))
        {
            logger.LogInformation("Admin {AdminId} adjusted player {PlayerId} by {Amount}: {Reason}", adminId, PlayerId, amount, reason);
            await Persist();
        }
        else if (await ledger.FindAsync(transferId) is { } first && (first.Amount != amount || first.Note != note))
        {
            // A retry answers as the first request did; the same id with another amount or reason is another request.
            throw PokerException.Conflict("request_id_reused", $"That request id was used for an adjustment of {first.Amount} ({first.Note}); use a new one");
        }

        return State.Balance;
    }

    public async Task<long> GrantBonus(string transferId, long amount, string reason)
    {
        _ = Profile;
        if (string.IsNullOrWhiteSpace(transferId))
        {
            throw new PokerException("invalid_transfer", "A transfer id is required.");
        }

        if (amount <= 0)
        {
            throw new PokerException("invalid_amount", $"A bonus must be positive (got {amount}).");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new PokerException("invalid_reason", "A bonus needs a reason.");
        }

        if (await Apply(transferId, LedgerKind.Grant, amount, null, reason.Trim(), null))
        {
            logger.LogInformation("Player {PlayerId} granted {Amount} chips: {Reason}", PlayerId, amount, reason);
            await Persist();
        }

        return State.Balance;
    }

    public async Task<long> ClaimTopUp()
    {
        _ = Profile;
        var now = time.GetUtcNow();
        if (State.LastTopUpAt is { } last && now < last + Options.TopUpInterval)
        {
            throw PokerException.Conflict("top_up_not_due", $"The next top-up is due at {last + Options.TopUpInterval:u}.");
        }

        if (State.Balance >= Options.StartingBalance)
        {
            throw PokerException.Conflict("top_up_not_needed", $"The balance is already at least {Options.StartingBalance} chips.");
        }

        // Named by the claim count: a retried claim after a crash finds the same ledger row.
        await Apply($"topup:{PlayerId}:{State.TopUps + 1}", LedgerKind.TopUp, Options.StartingBalance - State.Balance, null, "daily top-up", null);
        State.TopUps++;
        State.LastTopUpAt = now;
        await Persist();
        return State.Balance;
    }

    public async Task<IReadOnlyList<LedgerEntry>> GetLedger(int skip, int take)
    {
        _ = Profile;
        return await ledger.GetPlayerEntriesAsync(PlayerId, Math.Max(0, skip), Math.Clamp(take, 0, MaxLedgerPage));
    }

    public async Task RecordHand(HandOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        _ = Profile;
        var key = $"{outcome.TableId}#{outcome.HandNo}";
        if (State.RecentHands.Contains(key))
        {
            return;
        }

        var stats = State.Stats;
        State.Stats = stats with
        {
            HandsPlayed = stats.HandsPlayed + 1,
            HandsWon = stats.HandsWon + (outcome.Won > 0 ? 1 : 0),
            Net = stats.Net + (outcome.Tournament ? 0 : outcome.Net),
            VoluntarilyPutIn = stats.VoluntarilyPutIn + (outcome.VoluntarilyPutIn ? 1 : 0),
            ShowdownsSeen = stats.ShowdownsSeen + (outcome.SawShowdown ? 1 : 0),
            BiggestPotWon = outcome.Tournament ? stats.BiggestPotWon : Math.Max(stats.BiggestPotWon, outcome.Won),
        };
        State.RecentHands.Add(key);
        if (State.RecentHands.Count > RecentHandsKept)
        {
            State.RecentHands.RemoveAt(0);
        }

        statsWrite ??= this.RegisterGrainTimer(_ => statsWrite is null ? Task.CompletedTask : Persist(), new GrainTimerCreationOptions(StatsWriteDelay, Timeout.InfiniteTimeSpan));
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (statsWrite is not null && State.Profile is not null)
        {
            try
            {
                await Persist();
            }
            catch (Exception e) when (DatabaseErrors.IsStorageFailure(e))
            {
                logger.LogWarning(e, "Player {PlayerId}'s latest hand statistics could not be stored as the grain deactivated", PlayerId);
            }
        }
    }

    public async Task SetSeated(string tableId, bool seated)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableId);
        _ = Profile;
        var changed = seated
            ? !State.Tables.Contains(tableId) && Add(State.Tables, tableId)
            : State.Tables.Remove(tableId);
        if (changed)
        {
            await Persist();
        }
    }

    public Task<PlayerBan?> GetBan() => Task.FromResult(State.Ban);

    public Task<PlayerSettings> GetSettings()
    {
        _ = Profile;
        return Task.FromResult(new PlayerSettings(!State.TurnPingsOff));
    }

    public async Task<PlayerSettings> SetSettings(PlayerSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        _ = Profile;
        if (State.TurnPingsOff == settings.TurnPings)
        {
            State.TurnPingsOff = !settings.TurnPings;
            await Persist();
            ForgetAtTables();
            logger.LogInformation("Player {PlayerId} turned turn pings {State}", PlayerId, settings.TurnPings ? "on" : "off");
        }

        return new PlayerSettings(!State.TurnPingsOff);
    }

    /// <summary>The tables' presence grains read the profile and setting once for their turn pings: they read them again.</summary>
    private void ForgetAtTables()
    {
        foreach (var tableId in State.Tables)
        {
            GrainFactory.GetGrain<Interfaces.Pings.ITablePresenceGrain>(tableId).Forget(PlayerId).Ignore();
        }
    }

    public async Task<PlayerBan> Ban(long adminId, string reason)
    {
        _ = Profile;
        var why = BanReason(reason);
        if (adminId == PlayerId)
        {
            throw PokerException.Forbidden("Admins cannot ban themselves.");
        }

        // A repeated ban keeps the first one and stands the player up again: a retry finishes what a failure left.
        if (State.Ban is null)
        {
            State.Ban = new PlayerBan(time.GetUtcNow(), adminId, why);
            await Persist();
            logger.LogInformation("Admin {AdminId} banned player {PlayerId}: {Reason}", adminId, PlayerId, why);
        }

        await CloseConnections();
        foreach (var tableId in State.Tables.ToList())
        {
            await StandUp(tableId);
        }

        return State.Ban;
    }

    /// <summary>The gateways close the banned player's hub connections; one that misses the notice closes them at its own check.</summary>
    private async Task CloseConnections()
    {
        try
        {
            await GrainFactory.GetGrain<IBansGrain>(IBansGrain.Key).Banned(PlayerId);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "The gateways were not told that player {PlayerId} is banned; their connections close at the next ban check", PlayerId);
        }
    }

    public async Task Unban(long adminId, string reason)
    {
        _ = Profile;
        var why = BanReason(reason);
        if (State.Ban is null)
        {
            throw PokerException.Conflict("not_banned", $"Player {PlayerId} is not banned.");
        }

        State.Ban = null;
        await Persist();
        logger.LogInformation("Admin {AdminId} lifted the ban of player {PlayerId}: {Reason}", adminId, PlayerId, why);
    }

    /// <summary>
    /// Takes the banned player's seat through the table's own removal (cash-out settled by the table, so no chip is
    /// made or lost). The table calls back into this grain (the cash-out, <see cref="SetSeated"/>) within this call.
    /// A table that does not answer within <see cref="KickTimeout"/> may be waiting for this grain itself (a hand's
    /// end records it, a leave cashes out to it) in a call the ban holds up: the ban then answers and the kick, queued
    /// at the table, stands the player up once the table has its answer; if that late kick fails, a Warning says so
    /// (banning again retries it).
    /// </summary>
    private async Task StandUp(string tableId)
    {
        using var reentrancy = RequestContext.AllowCallChainReentrancy();
        var kick = GrainFactory.GetGrain<ITableGrain>(tableId).Kick(PlayerId);
        try
        {
            await kick.WaitAsync(KickTimeout);
        }
        catch (PokerException ex) when (ex.Status == 404)
        {
            // Not seated there any more (the table closed or the seat was left): nothing to stand up from.
            State.Tables.Remove(tableId);
            await Persist();
        }
        catch (PokerException ex) when (ex.Code == Seating.AlreadyLeaving)
        {
            // Removed already (an admin's kick): the table stands them up when the hand ends.
        }
        catch (TimeoutException) when (!kick.IsCompleted)
        {
            logger.LogInformation("Table {TableId} did not answer the kick of banned player {PlayerId} within {Seconds} s; it stands them up once it can", tableId, PlayerId, KickTimeout.TotalSeconds);
            _ = LateKick(kick, tableId, PlayerId);
        }
    }

    /// <summary>The outcome of a kick <see cref="StandUp"/> stopped waiting for, logged when it comes (it only logs: no state is touched between the grain's turns).</summary>
    private async Task LateKick(Task kick, string tableId, long playerId)
    {
        try
        {
            await kick;
            logger.LogInformation("Table {TableId} stood banned player {PlayerId} up", tableId, playerId);
        }
        catch (PokerException ex) when (ex.Status == 404 || ex.Code == Seating.AlreadyLeaving)
        {
            logger.LogInformation("Banned player {PlayerId} had left table {TableId}, or was removed from it, before its kick", playerId, tableId);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Table {TableId} did not stand banned player {PlayerId} up; banning them again retries it", tableId, playerId);
        }
    }

    private static string BanReason(string? reason) =>
        PlayerBan.CheckReason(reason)
            ?? throw new PokerException("invalid_reason", $"A ban or an unban needs a reason of 1 to {PlayerBan.MaxReasonLength} characters on one line.");

    private static PokerException Banned() => new(PlayerBan.Code, "This player is banned from the room.", 403);

    /// <summary>
    /// Writes the state. A failed write (the database blinked, or a write that did land timed out, leaving a stale e-tag)
    /// deactivates the grain: the next call starts from what was stored, and the ledger repairs the rest.
    /// </summary>
    public Task<IReadOnlyList<long>> GetChatMutes()
    {
        _ = Profile;
        return Task.FromResult<IReadOnlyList<long>>(State.ChatMutes.ToList());
    }

    public async Task<IReadOnlyList<long>> SetChatMute(long otherId, bool muted)
    {
        _ = Profile;
        if (otherId == PlayerId)
        {
            throw new PokerException("invalid_mute", "You cannot mute yourself");
        }

        if (muted && !State.ChatMutes.Contains(otherId))
        {
            if (State.ChatMutes.Count >= MaxChatMutes)
            {
                throw PokerException.Conflict("chat_mutes_full", $"You can mute at most {MaxChatMutes} players: unmute someone first");
            }

            State.ChatMutes.Add(otherId);
            await Persist();
        }
        else if (!muted && State.ChatMutes.Remove(otherId))
        {
            await Persist();
        }

        return State.ChatMutes.ToList();
    }

    private async Task Persist()
    {
        await store.WriteOrDeactivate(this);

        statsWrite?.Dispose();
        statsWrite = null;
    }

    /// <summary>The house account takes rake only; its profile (and players row) is made on its first rake, with no grant.</summary>
    private async Task OpenHouse(LedgerKind kind)
    {
        if (kind != LedgerKind.Rake)
        {
            throw new PokerException("invalid_kind", $"The house account takes rake only, not {kind}.");
        }

        if (State.Profile is null)
        {
            var house = new PlayerProfile { PlayerId = PlayerId, DisplayName = HouseAccount.Name, CreatedAt = time.GetUtcNow() };
            await players.UpsertAsync(house, time.GetUtcNow());
            State.Profile = house;
            logger.LogInformation("House account {PlayerId} opened", PlayerId);
        }
    }

    /// <summary>
    /// Applies a balance change once per transfer id: appends the ledger row (or finds the one a crashed attempt
    /// appended) and updates the in-memory state. Returns false when the transfer was applied before. The caller persists.
    /// </summary>
    private async Task<bool> Apply(string transferId, LedgerKind kind, long amount, string? tableId, string? note, long? adminId)
    {
        if (State.AppliedTransfers.Exists(t => t.TransferId == transferId))
        {
            return false;
        }

        if (State.Balance + amount < 0)
        {
            throw InsufficientBalance(-amount);
        }

        var entry = new LedgerEntry(transferId, PlayerId, kind, amount, State.Balance + amount, tableId, note, time.GetUtcNow());
        var appended = await ledger.AppendAsync(entry, adminId);
        if (!appended.Inserted)
        {
            var stored = appended.Stored;
            if (stored.PlayerId != PlayerId || stored.Kind != kind)
            {
                throw PokerException.Conflict("transfer_id_reused", $"Transfer id {transferId} was used for another transfer.");
            }

            if (State.ForgottenUpTo is { } forgotten && stored.At <= forgotten)
            {
                // Applied so long ago that the id left the remembered window.
                return false;
            }

            // An earlier attempt appended the row but its state was never persisted: apply the row as recorded.
            logger.LogWarning("Player {PlayerId} applies transfer {TransferId} found in the ledger only", PlayerId, transferId);
            if (State.Balance + stored.Amount < 0)
            {
                throw InsufficientBalance(-stored.Amount);
            }

            entry = stored;
        }

        State.Balance += entry.Amount;
        State.AppliedTransfers.Add(new AppliedTransfer(transferId, entry.At));
        while (State.AppliedTransfers.Count > Math.Max(1, Options.RememberedTransfers))
        {
            var dropped = State.AppliedTransfers[0];
            State.AppliedTransfers.RemoveAt(0);
            State.ForgottenUpTo = State.ForgottenUpTo is { } f && f > dropped.At ? f : dropped.At;
        }

        return true;
    }

    private PokerException InsufficientBalance(long needed) =>
        PokerException.Conflict("insufficient_balance", $"The balance is {State.Balance} chips; {needed} are needed.");

    private static void RequireTransfer(string transferId, string tableId, long amount)
    {
        if (string.IsNullOrWhiteSpace(transferId))
        {
            throw new PokerException("invalid_transfer", "A transfer id is required.");
        }

        if (string.IsNullOrWhiteSpace(tableId))
        {
            throw new PokerException("invalid_transfer", "A table id is required.");
        }

        if (amount <= 0)
        {
            throw new PokerException("invalid_amount", $"The amount must be positive (got {amount}).");
        }
    }

    private static bool Add(List<string> list, string item)
    {
        list.Add(item);
        return true;
    }

    private PlayerSummary Summary() => new(Profile, State.Balance, State.Stats, State.Tables.ToList());

    private string NormalizeName(string? name)
    {
        var clean = PlayerProfile.CleanName(name);
        return clean.Length == 0 ? $"Player {PlayerId}" : clean;
    }

    /// <summary>Telegram sends codes like "fa-IR"; the room speaks English and Persian.</summary>
    private static string NormalizeLanguage(string? language) =>
        language is not null && language.StartsWith("fa", StringComparison.OrdinalIgnoreCase) ? "fa" : "en";
}
