using Orleans.Poker.Grains.Interfaces.Players;

namespace Orleans.Poker.Grains.Storage;

/// <summary>The <c>players</c> rows (profile columns) for queries outside the grains; the grain stays the source of truth.</summary>
public interface IPlayerStore
{
    /// <summary>Inserts or refreshes the player's row (and creates an empty wallet row for it).</summary>
    Task UpsertAsync(PlayerProfile profile, DateTimeOffset seenAt, CancellationToken cancellationToken = default);

    /// <summary>The stored profile, or null.</summary>
    Task<PlayerProfile?> FindAsync(long playerId, CancellationToken cancellationToken = default);
}
