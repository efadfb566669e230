namespace Orleans.Poker.Grains.Storage;

/// <summary>Finished hands as PHH text with indexed columns (PostgreSQL <c>hand_histories</c>).</summary>
public interface IHandHistoryStore
{
    /// <summary>Saves a finished hand; idempotent on (table, hand number): returns false when it was stored already.</summary>
    Task<bool> SaveAsync(HandRecord hand, CancellationToken cancellationToken = default);

    /// <summary>One hand of a table, or null.</summary>
    Task<HandRecord?> GetAsync(string tableId, long handNumber, CancellationToken cancellationToken = default);

    /// <summary>Hands a player was dealt into, newest first.</summary>
    Task<IReadOnlyList<HandRecord>> GetPlayerHandsAsync(long playerId, int skip, int take, CancellationToken cancellationToken = default);

    /// <summary>Hands of a table, newest first.</summary>
    Task<IReadOnlyList<HandRecord>> GetTableHandsAsync(string tableId, int skip, int take, CancellationToken cancellationToken = default);
}
