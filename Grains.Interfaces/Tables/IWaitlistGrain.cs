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

    /// <summary>
    /// The head of the queue, skipping the given players (already seated) and dropping banned ones; null when nobody is
    /// waiting. It stays in the queue: the table takes the player out (<see cref="Leave"/>) once the seat it holds for
    /// them is stored, so a table that fails or crashes first leaves them where they were.
    /// </summary>
    [Alias("Next")]
    Task<WaitlistEntry?> Next(IReadOnlyCollection<long> skip);
}
