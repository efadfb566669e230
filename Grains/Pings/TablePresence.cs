namespace Orleans.Poker.Grains.Pings;

/// <summary>
/// Who has a live connection to one table: one lease per player and holder (a gateway, a bot process), entered when the
/// holder's first connection of that player opens, left when the last one goes, renewed by the holder every minute. A
/// lease not renewed in time lapses, so a holder that crashed leaves nobody present after its lease. A bot process's
/// leases are relays besides: one holder a player (<see cref="Relay"/>), kept while its lease runs.
/// </summary>
/// <param name="time">The clock leases are measured with.</param>
public sealed class TablePresence(TimeProvider time)
{
    /// <summary>The longest lease a holder gets, whatever it asks for.</summary>
    public static readonly TimeSpan MaxLease = TimeSpan.FromMinutes(10);

    private readonly Dictionary<(long PlayerId, string Holder), DateTimeOffset> leases = [];

    // The bot process relaying each player's private chat; its lease is the player's entry in leases.
    private readonly Dictionary<long, string> relays = [];

    /// <summary>The leases held now (lapsed ones included until the next look).</summary>
    public int Count => leases.Count;

    public void Enter(long playerId, string holder, TimeSpan lease) => leases[(playerId, holder)] = Until(lease);

    public void Leave(long playerId, string holder)
    {
        leases.Remove((playerId, holder));
        if (relays.GetValueOrDefault(playerId) == holder)
        {
            relays.Remove(playerId);
        }
    }

    /// <summary>Whether <paramref name="relay"/> relays the player now (taking them over when no other relay's lease runs); if so its lease is renewed.</summary>
    public bool Relay(long playerId, string relay, TimeSpan lease)
    {
        if (relays.TryGetValue(playerId, out var holder) && holder != relay)
        {
            if (leases.TryGetValue((playerId, holder), out var until) && until > time.GetUtcNow())
            {
                return false;
            }

            leases.Remove((playerId, holder));
        }

        relays[playerId] = relay;
        leases[(playerId, relay)] = Until(lease);
        return true;
    }

    /// <summary>
    /// The relay has these players for another lease, those another relay holds now excepted (answered are the ones
    /// it keeps); its players not named are let go.
    /// </summary>
    public IReadOnlyList<long> RenewRelays(string relay, IEnumerable<long> playerIds, TimeSpan lease)
    {
        var named = playerIds.ToHashSet();
        foreach (var playerId in relays.Where(r => r.Value == relay && !named.Contains(r.Key)).Select(r => r.Key).ToList())
        {
            Leave(playerId, relay);
        }

        return named.Where(p => Relay(p, relay, lease)).ToList();
    }

    /// <summary>The holder has exactly these players, for another lease.</summary>
    public void Renew(string holder, IEnumerable<long> playerIds, TimeSpan lease)
    {
        var kept = playerIds.ToHashSet();
        foreach (var key in leases.Keys.Where(k => k.Holder == holder && !kept.Contains(k.PlayerId)).ToList())
        {
            leases.Remove(key);
        }

        var until = Until(lease);
        foreach (var playerId in kept)
        {
            leases[(playerId, holder)] = until;
        }
    }

    /// <summary>Whether a lease of the player runs now (lapsed leases are dropped on the way).</summary>
    public bool IsPresent(long playerId)
    {
        var now = time.GetUtcNow();
        foreach (var key in leases.Where(l => l.Value <= now).Select(l => l.Key).ToList())
        {
            leases.Remove(key);
        }

        foreach (var unheld in relays.Where(r => !leases.ContainsKey((r.Key, r.Value))).Select(r => r.Key).ToList())
        {
            relays.Remove(unheld);
        }

        return leases.Keys.Any(k => k.PlayerId == playerId);
    }

    private DateTimeOffset Until(TimeSpan lease) =>
        time.GetUtcNow() + (lease <= TimeSpan.Zero ? TimeSpan.Zero : lease > MaxLease ? MaxLease : lease);
}
