namespace Orleans.Poker.Grains.Benchmarks;

/// <summary>
/// Memory per idle activated table: tables with one seated player (no hand can start), heap measured after a full
/// collection before and after. The figure includes what an idle table brings along in the silo: its player and
/// waitlist activations, its lobby entry and, with memory storage, the stored copy of its state.
/// </summary>
public static class IdleMemoryRun
{
    public static async Task Run(int tables)
    {
        await using var cluster = await BenchCluster.StartAsync(postgres: null);
        var setup = new PokerSetup(cluster.Client);
        var template = await setup.Template(minPlayers: 2);

        // Warm every code path once so JIT and caches are outside the measurement.
        await PokerSetup.ForEach(50, async _ => await setup.Sit(await setup.Table(template), 0));
        var before = Heap();
        await PokerSetup.ForEach(tables, async _ => await setup.Table(template));
        var empty = Heap();
        var seated = new List<Interfaces.Tables.ITableGrain>();
        await PokerSetup.ForEach(tables, async _ =>
        {
            var table = await setup.Table(template);
            await setup.Sit(table, 0);
            lock (seated)
            {
                seated.Add(table);
            }
        });
        var after = Heap();
        Figure.Print("bytes_per_idle_table", (double)(after - empty) / tables, "bytes");
        Figure.Print("bytes_per_empty_table", (double)(empty - before) / tables, "bytes");
        Figure.Note($"idle tables: {tables} with one seated player each; heap {before / 1024 / 1024} MB -> {empty / 1024 / 1024} MB (+{tables} empty) -> {after / 1024 / 1024} MB (+{seated.Count} seated)");
    }

    private static long Heap()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }

        return GC.GetTotalMemory(forceFullCollection: true);
    }
}
