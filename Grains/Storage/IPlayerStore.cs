using Orleans.Poker.Grains.Interfaces.Players;

namespace Orleans.Poker.Grains.Storage;

/// <summary>The <c>players</c> rows (profile columns) for queries outside the grains; the grain stays the source of truth.</summary>
public interface IPlayerStore
{
    /// <summary>Inserts or refreshes the player's row (and creates an empty wallet row for it).</summary>
    Task UpsertAsync(PlayerProfile profile, DateTimeOffset seenAt, CancellationToken cancellationToken = default);

    /// <summary>The stored profile, or null.</summary>
    Task<PlayerProfile?> FindAsync(long playerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// Players whose display name or username contains <paramref name="text"/> (any case, taken literally), or whose
    /// Telegram id or player id is <paramref name="text"/>; by display name (any case), then id; at most <paramref name="take"/>.
    /// </summary>
    Task<IReadOnlyList<PlayerProfile>> SearchAsync(string text, int take, CancellationToken cancellationToken = default);

    /// <summary>
    /// Players the bot may message (<see cref="PlayerProfile.CanMessage"/>) whose player id is above
    /// <paramref name="afterPlayerId"/> (null: from the first), by player id; at most <paramref name="take"/>. Keyset
    /// paging: the last id of a page is the next page's cursor, so rows added or changed meanwhile never shift a page.
    /// </summary>
    Task<IReadOnlyList<PlayerProfile>> MessageableAsync(long? afterPlayerId, int take, CancellationToken cancellationToken = default);
}
