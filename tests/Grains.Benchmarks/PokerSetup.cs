using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;

namespace Orleans.Poker.Grains.Benchmarks;

/// <summary>Templates, tables and players for the benchmarks, created through grain calls.</summary>
public sealed class PokerSetup(IGrainFactory grains)
{
    private static long nextPlayerId = 5_000_000_000;

    /// <summary>No-limit hold'em whose hands chain at once and whose turn clock (5 min, the longest allowed) never fires during a run.</summary>
    public async Task<string> Template(int minPlayers)
    {
        var id = $"bench-{Guid.NewGuid():N}";
        await grains.GetGrain<ITemplateGrain>(id).Create(TestTemplates.Chained("Bench NLHE", minPlayers) with { WaitlistEnabled = false });
        return id;
    }

    public async Task<ITableGrain> Table(string templateId)
    {
        var table = grains.GetGrain<ITableGrain>($"bench-tbl-{Guid.NewGuid():N}");
        await table.Create(new TableCreation(templateId, 1));
        return table;
    }

    /// <summary>Registers a player and seats them with the maximum buy-in.</summary>
    public async Task Sit(ITableGrain table, int seat)
    {
        var id = Interlocked.Increment(ref nextPlayerId);
        await grains.GetGrain<IPlayerGrain>(id).Register(new PlayerProfile { PlayerId = id, DisplayName = $"B{id}" });
        await table.Sit(new SeatRequest(id, $"B{id}", 200, seat));
    }

    /// <summary>Runs <paramref name="count"/> setups with bounded parallelism.</summary>
    public static Task ForEach(int count, Func<int, Task> body) =>
        Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, _) => await body(i));
}
