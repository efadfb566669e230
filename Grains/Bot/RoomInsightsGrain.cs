using Orleans.Concurrency;
using Orleans.Poker.Grains.Interfaces.Bot;
using Orleans.Poker.Grains.Interfaces.Lobby;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Bot;

/// <summary>
/// Computes the admin figures on demand from the lobby partitions and the hand history store (no state of its own):
/// admins ask rarely, so reading the last hour's hands of each listed table is cheaper than keeping counters.
/// </summary>
[StatelessWorker]
public sealed class RoomInsightsGrain(IHandHistoryStore histories, TimeProvider time) : Grain, IRoomInsightsGrain
{
    private const int Page = 100;

    /// <summary>At most this many hands of one table are read (a table deals far fewer in an hour).</summary>
    private const int MaxHandsPerTable = 2_000;

    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public async Task<RoomInsights> Get()
    {
        var now = time.GetUtcNow();
        var since = now - Window;
        var tables = await ILobbyGrain.ListAll(GrainFactory, includePrivate: true);

        var recent = await Task.WhenAll(tables.Select(t => RecentHands(t.TableId, since)));
        var hands = recent.SelectMany(h => h).ToList();
        var busiest = Busiest(tables, recent.Select(h => h.Count).ToList());
        return new RoomInsights
        {
            At = now,
            Tables = tables,
            Active = tables.Count(t => t.Status == TableStatus.Active),
            Paused = tables.Count(t => t.Status == TableStatus.Paused),
            Waiting = tables.Count(t => t.Status == TableStatus.Waiting),
            PlayersSeated = tables.Sum(t => t.SeatsTaken),
            Waitlisted = tables.Sum(t => t.WaitlistLength),
            HandsLastHour = hands.Count,
            PotsLastHour = hands.Sum(h => h.Pot),
            RakeLastHour = hands.Sum(h => h.Rake),
            PlayersLastHour = hands.SelectMany(h => h.PlayerIds).Distinct().Count(),
            BusiestTableId = busiest.Table?.TableId,
            BusiestTableHands = busiest.Hands,
        };
    }

    /// <summary>The table that dealt the most of <paramref name="hands"/> (one count per table); (null, 0) when none dealt any.</summary>
    public static (TableSummary? Table, int Hands) Busiest(IReadOnlyList<TableSummary> tables, IReadOnlyList<int> hands) =>
        tables.Zip(hands, (table, count) => ((TableSummary?)table, count))
            .Where(t => t.count > 0).OrderByDescending(t => t.count).FirstOrDefault();

    /// <summary>The table's hands that ended after <paramref name="since"/> (the store pages newest first).</summary>
    private async Task<List<HandRecord>> RecentHands(string tableId, DateTimeOffset since)
    {
        var found = new List<HandRecord>();
        for (var skip = 0; skip < MaxHandsPerTable; skip += Page)
        {
            var page = await histories.GetTableHandsAsync(tableId, skip, Page);
            found.AddRange(page.Where(h => h.EndedAt > since));
            if (page.Count < Page || page[^1].StartedAt <= since)
            {
                break;
            }
        }

        return found;
    }
}
