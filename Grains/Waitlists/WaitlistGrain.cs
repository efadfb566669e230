using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Waitlists;

/// <summary>A table's first-in-first-out queue, one entry per player, persisted on every change.</summary>
public sealed class WaitlistGrain(
    [PersistentState("waitlist", PokerStorage.Name)] IPersistentState<WaitlistState> store,
    TimeProvider time,
    ILogger<WaitlistGrain> logger) : Grain, IWaitlistGrain
{
    /// <summary>A bound on the queue so that one table cannot grow its state without limit.</summary>
    public const int MaxLength = 200;

    private List<WaitlistEntry> Entries => store.State.Entries;

    public async Task<int> Join(long playerId, string displayName)
    {
        if (Entries.Exists(e => e.PlayerId == playerId))
        {
            throw PokerException.Conflict("already_queued", $"Player {playerId} is already on the waitlist of table {this.GetPrimaryKeyString()}.");
        }

        if (Entries.Count >= MaxLength)
        {
            throw PokerException.Conflict("waitlist_full", $"The waitlist of table {this.GetPrimaryKeyString()} is full ({MaxLength} players).");
        }

        Entries.Add(new WaitlistEntry(playerId, string.IsNullOrWhiteSpace(displayName) ? $"Player {playerId}" : displayName.Trim(), time.GetUtcNow()));
        await store.WriteOrDeactivate(this);
        logger.LogDebug("Player {PlayerId} joined the waitlist of {TableId} at {Position}", playerId, this.GetPrimaryKeyString(), Entries.Count);
        return Entries.Count;
    }

    public async Task<bool> Leave(long playerId)
    {
        if (Entries.RemoveAll(e => e.PlayerId == playerId) == 0)
        {
            return false;
        }

        await store.WriteOrDeactivate(this);
        return true;
    }

    public Task<int?> GetPosition(long playerId)
    {
        var index = Entries.FindIndex(e => e.PlayerId == playerId);
        return Task.FromResult<int?>(index < 0 ? null : index + 1);
    }

    public Task<IReadOnlyList<WaitlistEntry>> List() => Task.FromResult<IReadOnlyList<WaitlistEntry>>(Entries.ToList());

    /// <remarks>Skipped players keep their place: the table decides whether they are still waiting.</remarks>
    public async Task<WaitlistEntry?> Next(IReadOnlyCollection<long> skip)
    {
        ArgumentNullException.ThrowIfNull(skip);
        var (head, removed) = await QueueHead.Find(Entries, p => !skip.Contains(p), GrainFactory, logger, $"table {this.GetPrimaryKeyString()}");
        if (removed)
        {
            await store.WriteOrDeactivate(this);
        }

        return head;
    }
}
