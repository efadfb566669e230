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
    private readonly TablePresence presence = new(time);
    private readonly TurnPings pings = new();

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

        var player = GrainFactory.GetGrain<IPlayerGrain>(notice.PlayerId!.Value);
        PlayerProfile profile;
        PlayerSettings settings;
        try
        {
            profile = (await player.Get()).Profile;
            settings = await player.GetSettings();
        }
        catch (PokerException e) when (e.Code == "not_found")
        {
            return;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Table {TableId}: could not read player {PlayerId} for a turn ping", TableId, notice.PlayerId);
            return;
        }

        if (pings.Decide(notice, profile, settings, time.GetUtcNow()) is { } ping)
        {
            logger.LogInformation("Table {TableId} hand {HandNo}: player {PlayerId} pinged for turn {TurnId}", TableId, ping.Turn.HandNo, ping.PlayerId, ping.Turn.TurnId);
            await Bot.Ping(ping);
        }
    }
}
