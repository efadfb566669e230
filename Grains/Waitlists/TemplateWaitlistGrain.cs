using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Lobby;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Waitlists;

/// <summary>
/// A template's queue for any of the room's tables of it (<see cref="TemplateQueue"/> decides), persisted on every change.
/// It never calls a table: tables call it (taking the head, telling it who sat down), so no call waits on a cycle.
/// </summary>
public sealed class TemplateWaitlistGrain(
    [PersistentState("template-waitlist", PokerStorage.Name)] IPersistentState<TemplateWaitlistState> store,
    TimeProvider time,
    ILogger<TemplateWaitlistGrain> logger) : Grain, ITemplateWaitlistGrain
{
    private string TemplateId => this.GetPrimaryKeyString();

    private List<WaitlistEntry> Entries => store.State.Entries;

    public async Task<TemplateWaitlistStatus> Join(long playerId, string displayName)
    {
        TemplateQueue.CheckQueueable(TemplateId, await GrainFactory.GetGrain<ITemplateGrain>(TemplateId).Get());
        var open = await ILobbyGrain.ListAll(GrainFactory, includePrivate: true);
        TemplateQueue.CheckNotSeated(TemplateId, open, (await GrainFactory.GetGrain<IPlayerGrain>(playerId).Get()).Tables);
        if (Entries.Exists(e => e.PlayerId == playerId))
        {
            throw PokerException.Conflict("already_queued", $"You are already on the waitlist of any table of {TemplateId}");
        }

        if (Offered(playerId) is { } offer)
        {
            // Taken from the queue a moment ago: the seat held for them is the answer.
            return offer;
        }

        if (TemplateQueue.TableWithSeat(TemplateId, open) is { } tableId)
        {
            return new TemplateWaitlistStatus(TemplateId, null, tableId);
        }

        if (Entries.Count >= TemplateQueue.MaxLength)
        {
            throw PokerException.Conflict("waitlist_full", $"The waitlist of {TemplateId} is full ({TemplateQueue.MaxLength} players)");
        }

        Entries.Add(new WaitlistEntry(playerId, string.IsNullOrWhiteSpace(displayName) ? $"Player {playerId}" : displayName.Trim(), time.GetUtcNow()));
        await store.WriteOrDeactivate(this);
        logger.LogDebug("Player {PlayerId} joined the waitlist of template {TemplateId} at {Position}", playerId, TemplateId, Entries.Count);
        return new TemplateWaitlistStatus(TemplateId, Entries.Count);
    }

    public async Task<bool> Leave(long playerId)
    {
        await RequireTemplate();
        var left = Entries.RemoveAll(e => e.PlayerId == playerId) > 0;
        if (left | store.State.Offers.RemoveAll(o => o.PlayerId == playerId) > 0)
        {
            await store.WriteOrDeactivate(this);
        }

        return left;
    }

    public async Task<TemplateWaitlistStatus> GetStatus(long playerId)
    {
        await RequireTemplate();
        var index = Entries.FindIndex(e => e.PlayerId == playerId);
        if (index >= 0)
        {
            return new TemplateWaitlistStatus(TemplateId, index + 1);
        }

        return Offered(playerId) ?? new TemplateWaitlistStatus(TemplateId, null);
    }

    public async Task<WaitlistEntry?> Offer(string tableId, DateTimeOffset heldUntil, IReadOnlyCollection<long> skip)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableId);
        ArgumentNullException.ThrowIfNull(skip);
        var now = time.GetUtcNow();
        var lapsed = store.State.Offers.RemoveAll(o => o.Until <= now) > 0;
        // A player offered a seat a moment ago is not offered another: their entry stays until that table holds it
        // (Held), and comes up again only if the offer ends before then (that table failed or crashed first).
        var offered = store.State.Offers.Select(o => o.PlayerId).ToHashSet();
        var (next, removed) = await QueueHead.Find(Entries, p => !skip.Contains(p) && !offered.Contains(p), GrainFactory, logger, $"template {TemplateId}");
        if (next is not null)
        {
            store.State.Offers.Add(new TemplateOffer { PlayerId = next.PlayerId, TableId = tableId, Until = heldUntil });
        }

        if (lapsed || removed || next is not null)
        {
            await store.WriteOrDeactivate(this);
        }

        return next;
    }

    public async Task Held(long playerId)
    {
        if (Entries.RemoveAll(e => e.PlayerId == playerId) > 0)
        {
            await store.WriteOrDeactivate(this);
        }
    }

    public async Task Seated(long playerId)
    {
        if (Entries.RemoveAll(e => e.PlayerId == playerId) + store.State.Offers.RemoveAll(o => o.PlayerId == playerId) > 0)
        {
            await store.WriteOrDeactivate(this);
        }
    }

    /// <summary>The seat held for the player, taken from this queue, while the hold lasts.</summary>
    private TemplateWaitlistStatus? Offered(long playerId)
    {
        var now = time.GetUtcNow();
        return store.State.Offers.FirstOrDefault(o => o.PlayerId == playerId && o.Until > now) is { } offer
            ? new TemplateWaitlistStatus(TemplateId, null, offer.TableId, offer.Until)
            : null;
    }

    private async Task RequireTemplate()
    {
        if (await GrainFactory.GetGrain<ITemplateGrain>(TemplateId).Get() is null)
        {
            throw PokerException.NotFound($"Template {TemplateId}");
        }
    }
}
