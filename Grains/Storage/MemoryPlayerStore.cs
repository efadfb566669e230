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

    public Task<IReadOnlyList<PlayerProfile>> SearchAsync(string text, int take, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        var id = long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) ? number : (long?)null;
        IReadOnlyList<PlayerProfile> found = _players.Values
            .Where(p => p.DisplayName.Contains(text, StringComparison.OrdinalIgnoreCase)
                || (p.Username?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false)
                || (id is not null && (p.TelegramId == id || p.PlayerId == id)))
            .OrderBy(p => p.DisplayName.ToLowerInvariant(), StringComparer.Ordinal).ThenBy(p => p.PlayerId.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal)
            .Take(Math.Max(0, take))
            .ToList();
        return Task.FromResult(found);
    }

    public Task<IReadOnlyList<PlayerProfile>> MessageableAsync(long? afterPlayerId, int take, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<PlayerProfile> page = _players.Values
            .Where(p => p.CanMessage && (afterPlayerId is not { } after || p.PlayerId > after))
            .OrderBy(p => p.PlayerId)
            .Take(Math.Max(0, take))
            .ToList();
        return Task.FromResult(page);
    }
}
