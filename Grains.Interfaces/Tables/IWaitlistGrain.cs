namespace Orleans.Poker.Grains.Interfaces.Tables;

/// <summary>
/// The first-in-first-out queue for one table (keyed by the table id). One entry per player. The table asks it
/// whom to offer a freed seat to; the seat is then held for that player for the template's hold window.
/// </summary>
[Alias("poker.waitlist")]
public interface IWaitlistGrain : IGrainWithStringKey
{
    /// <summary>Queues the player (once); returns their 1-based position.</summary>
    [Alias("Join")]
    Task<int> Join(long playerId, string displayName);

    /// <summary>Leaves the queue; true if the player was in it.</summary>
    [Alias("Leave")]
    Task<bool> Leave(long playerId);

    /// <summary>1-based position, or null when the player is not queued.</summary>
    [Alias("GetPosition")]
    Task<int?> GetPosition(long playerId);

    /// <summary>The queue in order.</summary>
    [Alias("List")]
    Task<IReadOnlyList<WaitlistEntry>> List();

    /// <summary>Removes and returns the head of the queue, skipping the given players (already seated); null when empty.</summary>
    [Alias("TakeNext")]
    Task<WaitlistEntry?> TakeNext(IReadOnlyCollection<long> skip);
}
