using System.Collections.Concurrent;
using Orleans.Poker.Grains.Interfaces.Players;

namespace Orleans.Poker.Grains.Storage;

/// <summary>Player rows in process memory: the embedded default and the tests.</summary>
public sealed class MemoryPlayerStore : IPlayerStore
{
    private readonly ConcurrentDictionary<long, PlayerProfile> _players = new();

    public Task UpsertAsync(PlayerProfile profile, DateTimeOffset seenAt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(profile);
        _players[profile.PlayerId] = profile;
        return Task.CompletedTask;
    }

    public Task<PlayerProfile?> FindAsync(long playerId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_players.GetValueOrDefault(playerId));
}
