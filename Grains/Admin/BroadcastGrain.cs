using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Admin;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Admin;

/// <summary>
/// The room's broadcast (see <see cref="IBroadcastGrain"/>). The recipients are read from the players rows page by
/// page (by player id after the cursor), never held in the grain, so a room of any size is one small state. The lease
/// on the page in flight lives in memory only: after a silo restart another bot process may take the page over at
/// once, which sends that page twice at worst.
/// </summary>
public sealed class BroadcastGrain(
    [PersistentState("broadcast", PokerStorage.Name)] IPersistentState<BroadcastState> store,
    IPlayerStore players,
    TimeProvider time,
    ILogger<BroadcastGrain> logger) : Grain, IBroadcastGrain
{
    /// <summary>How long a claimed page stays with its sender without a report before another sender may take it.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private string? leaseOwner;
    private DateTimeOffset leaseUntil;

    public Task<Broadcast?> Get() => Task.FromResult(store.State.Current);

    public async Task<Broadcast> Start(long by, string text)
    {
        var body = Validate(text);
        if (store.State.Current is { Active: true } running)
        {
            throw PokerException.Conflict("broadcast_running", $"A broadcast started at {running.StartedAt:O} is {running.Status.ToString().ToLowerInvariant()}: cancel it first");
        }

        var now = time.GetUtcNow();
        var started = new Broadcast { Id = Guid.NewGuid().ToString("N"), Text = body, StartedBy = by, StartedAt = now, UpdatedAt = now, Status = BroadcastStatus.Running };
        await Save(started);
        leaseOwner = null;
        logger.LogInformation("Broadcast {BroadcastId} started by {AdminId}: {Length} characters", started.Id, by, body.Length);
        return started;
    }

    public async Task<Broadcast> SetPaused(bool paused, long by)
    {
        var current = Active();
        var wanted = paused ? BroadcastStatus.Paused : BroadcastStatus.Running;
        if (current.Status == wanted)
        {
            return current;
        }

        var changed = current with { Status = wanted, ChangedBy = by, UpdatedAt = time.GetUtcNow() };
        await Save(changed);
        logger.LogInformation("Broadcast {BroadcastId} {Change} by {AdminId}", current.Id, paused ? "paused" : "resumed", by);
        return changed;
    }

    public async Task<Broadcast> Cancel(long by)
    {
        var current = Active();
        var cancelled = current with { Status = BroadcastStatus.Cancelled, ChangedBy = by, UpdatedAt = time.GetUtcNow() };
        await Save(cancelled);
        leaseOwner = null;
        logger.LogInformation("Broadcast {BroadcastId} cancelled by {AdminId} after {Sent} sent", current.Id, by, current.Sent);
        return cancelled;
    }

    public async Task<BroadcastPage?> Claim(string sender, int max)
    {
        ArgumentException.ThrowIfNullOrEmpty(sender);
        var now = time.GetUtcNow();
        if (store.State.Current is not { Status: BroadcastStatus.Running } current || (leaseOwner is not null && leaseOwner != sender && now < leaseUntil))
        {
            return null;
        }

        var page = await players.MessageableAsync(current.Cursor, Math.Clamp(max, 1, IBroadcastGrain.MaxPage));
        if (page.Count == 0)
        {
            await Save(current with { Status = BroadcastStatus.Done, UpdatedAt = now });
            leaseOwner = null;
            logger.LogInformation("Broadcast {BroadcastId} done: {Sent} sent, {Skipped} skipped, {Failed} failed", current.Id, current.Sent, current.Skipped, current.Failed);
            return null;
        }

        (leaseOwner, leaseUntil) = (sender, now + Lease);
        return new BroadcastPage(current.Id, current.Text, [.. page.Select(p => new BroadcastRecipient(p.PlayerId, p.TelegramId!.Value))]);
    }

    public async Task<Broadcast?> Report(string sender, BroadcastReport report)
    {
        ArgumentException.ThrowIfNullOrEmpty(sender);
        ArgumentNullException.ThrowIfNull(report);
        var current = store.State.Current;
        if (current is null || current.Id != report.BroadcastId || (current.Cursor is { } cursor && report.LastPlayerId <= cursor))
        {
            return current;
        }

        var now = time.GetUtcNow();
        var moved = current with
        {
            Cursor = report.LastPlayerId,
            Sent = current.Sent + Math.Max(0, report.Sent),
            Skipped = current.Skipped + Math.Max(0, report.Skipped),
            Failed = current.Failed + Math.Max(0, report.Failed),
            UpdatedAt = now,
        };
        await Save(moved);
        if (leaseOwner == sender)
        {
            leaseUntil = now + Lease;
        }

        return moved;
    }

    private static string Validate(string? text) =>
        IBroadcastGrain.Normalize(text)
        ?? throw new PokerException("invalid_input", $"text must be 1 to {IBroadcastGrain.MaxTextLength} characters of plain text (line breaks allowed, no other control characters)");

    private Broadcast Active() =>
        store.State.Current is { Active: true } current ? current : throw PokerException.Conflict("no_broadcast", "No broadcast is running or paused");

    private async Task Save(Broadcast broadcast)
    {
        var before = store.State.Current;
        store.State.Current = broadcast;
        try
        {
            await store.WriteStateAsync();
        }
        catch
        {
            store.State.Current = before;
            throw;
        }
    }
}
