using Orleans.Concurrency;
using Orleans.Poker.Grains.Interfaces.Bot;
using Orleans.Poker.Grains.Interfaces.Lobby;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Bot;

/// <summary>
/// Computes the admin figures on demand from the lobby partitions and the hands stored in the last hour, with the same
/// query the analytics snapshots use (<see cref="IAnalyticsStore.GetHandFiguresAsync"/>); no state of its own.
/// </summary>
[StatelessWorker]
public sealed class RoomInsightsGrain(IAnalyticsStore analytics, TimeProvider time) : Grain, IRoomInsightsGrain
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public async Task<RoomInsights> Get()
    {
        var now = time.GetUtcNow();
        var tables = await ILobbyGrain.ListAll(GrainFactory, includePrivate: true);
        var figures = await analytics.GetHandFiguresAsync(now - Window, to: null);
        var busiest = Busiest(tables, tables.Select(t => figures.Tables.GetValueOrDefault(t.TableId)?.Hands ?? 0).ToList());
        return new RoomInsights
        {
            At = now,
            Tables = tables,
            Active = tables.Count(t => t.Status == TableStatus.Active),
            Paused = tables.Count(t => t.Status == TableStatus.Paused),
            Waiting = tables.Count(t => t.Status == TableStatus.Waiting),
            PlayersSeated = tables.Sum(t => t.SeatsTaken),
            Waitlisted = tables.Sum(t => t.WaitlistLength),
            HandsLastHour = figures.Room.Hands,
            PotsLastHour = figures.Room.TotalPot,
            RakeLastHour = figures.Room.Rake,
            PlayersLastHour = figures.Room.DistinctPlayers,
            BusiestTableId = busiest.Table?.TableId,
            BusiestTableHands = busiest.Hands,
        };
    }

    /// <summary>The table that dealt the most of <paramref name="hands"/> (one count per table); (null, 0) when none dealt any.</summary>
    public static (TableSummary? Table, int Hands) Busiest(IReadOnlyList<TableSummary> tables, IReadOnlyList<int> hands) =>
        tables.Zip(hands, (table, count) => ((TableSummary?)table, count))
            .Where(t => t.count > 0).OrderByDescending(t => t.count).FirstOrDefault();
}
