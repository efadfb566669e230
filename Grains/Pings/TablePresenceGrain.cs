using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Pings;
using Orleans.Poker.Grains.Interfaces.Players;

namespace Orleans.Poker.Grains.Pings;

/// <summary>
/// A table's presence and turn pings (see <see cref="ITablePresenceGrain"/>): the leases are <see cref="TablePresence"/>'s,
/// who is pinged and when <see cref="TurnPings"/>'; this grain reads the player and hands pings to the bot through
/// <see cref="ITurnPingsGrain"/> (one-way). Nothing is stored: the holders renew their leases every minute.
/// </summary>
public sealed class TablePresenceGrain(TimeProvider time, ILogger<TablePresenceGrain> logger) : Grain, ITablePresenceGrain
{
    /// <summary>How long what was read of a player serves without being read again (a change is told at once by <see cref="Forget"/>).</summary>
    public static readonly TimeSpan PlayerKept = TimeSpan.FromMinutes(5);

    private readonly TablePresence presence = new(time);
    private readonly TurnPings pings = new();

    // The players whose turns came here: read once, not at every turn of theirs (the table's action path pays for none of it).
    private readonly Dictionary<long, (PlayerProfile Profile, PlayerSettings Settings, DateTimeOffset ReadAt)> players = [];

    private string TableId => this.GetPrimaryKeyString();

    private ITurnPingsGrain Bot => GrainFactory.GetGrain<ITurnPingsGrain>(ITurnPingsGrain.Key);

    public Task Enter(long playerId, string holder, TimeSpan lease)
    {
        presence.Enter(playerId, holder, lease);
        return Task.CompletedTask;
    }

    public Task Leave(long playerId, string holder)
    {
        presence.Leave(playerId, holder);
        return Task.CompletedTask;
    }

    public Task Renew(string holder, IReadOnlyList<long> playerIds, TimeSpan lease)
    {
        presence.Renew(holder, playerIds, lease);
        return Task.CompletedTask;
    }

    public Task<bool> Relay(long playerId, string relay, TimeSpan lease) => Task.FromResult(presence.Relay(playerId, relay, lease));

    public Task<IReadOnlyList<long>> RenewRelays(string relay, IReadOnlyList<long> playerIds, TimeSpan lease) =>
        Task.FromResult(presence.RenewRelays(relay, playerIds, lease));

    public Task<bool> IsPresent(long playerId) => Task.FromResult(presence.IsPresent(playerId));

    public async Task TurnChanged(TurnNotice notice)
    {
        var step = pings.Notice(notice, notice.PlayerId is { } id && presence.IsPresent(id), time.GetUtcNow());
        if (step.Passed is { } passed)
        {
            await Bot.Passed(passed);
        }

        if (!step.AskPlayer)
        {
            return;
        }

        var playerId = notice.PlayerId!.Value;
        var now = time.GetUtcNow();
        if (!players.TryGetValue(playerId, out var known) || now - known.ReadAt > PlayerKept)
        {
            var player = GrainFactory.GetGrain<IPlayerGrain>(playerId);
            try
            {
                known = ((await player.Get()).Profile, await player.GetSettings(), now);
            }
            catch (PokerException e) when (e.Code == "not_found")
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Table {TableId}: could not read player {PlayerId} for a turn ping", TableId, playerId);
                return;
            }

            players[playerId] = known;
        }

        if (pings.Decide(notice, known.Profile, known.Settings, time.GetUtcNow()) is { } ping)
        {
            logger.LogInformation("Table {TableId} hand {HandNo}: player {PlayerId} pinged for turn {TurnId}", TableId, ping.Turn.HandNo, ping.PlayerId, ping.Turn.TurnId);
            await Bot.Ping(ping);
        }
    }

    public Task Forget(long playerId)
    {
        players.Remove(playerId);
        return Task.CompletedTask;
    }
}
