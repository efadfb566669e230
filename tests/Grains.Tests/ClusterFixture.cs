using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Orleans.Poker.Grains.Analytics;
using Orleans.Poker.Grains.Storage;
using Orleans.Poker.Grains.Tests.Storage;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Orleans.Poker.Grains.Tests;

/// <summary>
/// One in-process silo shared by the grain behaviour tests (<see cref="ClusterCollection"/>), <see cref="TestSilo"/>: memory grain storage
/// named <see cref="PokerStorage.Name"/>, in-memory reminders, the in-memory stores and a <see cref="FakeTimeProvider"/>
/// as the silo's <see cref="TimeProvider"/> (advance <see cref="Time"/> instead of sleeping). Tests share the silo,
/// so each uses its own grain keys.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private static long _nextId = 1_000_000;

    /// <summary>
    /// The clock every grain reads (grain timers and reminders too; Orleans' own membership and messaging run on real
    /// time, <see cref="TestSilo.AddTestGrains"/>). It starts at the real current time, like the hosts' clocks.
    /// </summary>
    public FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    public InProcessTestCluster Cluster { get; private set; } = null!;

    /// <summary>What the room's own code (categories <c>Orleans.Poker.*</c>) logged in the silo, for tests that look for a line.</summary>
    public LogCapture Logs { get; } = new();

    public IClusterClient Client => Cluster.Client;

    public IGrainFactory Grains => Cluster.Client;

    /// <summary>The silo's services (stores, options).</summary>
    public IServiceProvider SiloServices => Cluster.Silos[0].ServiceProvider;

    public MemoryLedgerStore Ledger => (MemoryLedgerStore)SiloServices.GetRequiredService<ILedgerStore>();

    public MemoryHandHistoryStore Hands => (MemoryHandHistoryStore)SiloServices.GetRequiredService<IHandHistoryStore>();

    public MemoryPlayerStore Players => (MemoryPlayerStore)SiloServices.GetRequiredService<IPlayerStore>();

    public MemoryTableRecordStore TableRecords => (MemoryTableRecordStore)SiloServices.GetRequiredService<ITableRecordStore>();

    public ISeatHistoryStore SeatHistory => SiloServices.GetRequiredService<ISeatHistoryStore>();

    /// <summary>The silo's seat history writer: <c>FlushAsync</c> stores what the tables queued.</summary>
    public SeatHistoryWriter HistoryWriter => SiloServices.GetRequiredService<SeatHistoryWriter>();

    /// <summary>A player id no other test uses.</summary>
    public static long NewPlayerId() => Interlocked.Increment(ref _nextId);

    /// <summary>A string grain key no other test uses, e.g. <c>waitlist-7f3a...</c>.</summary>
    public static string NewKey(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    /// <summary>The silo's grain storage (memory), which a test can make fail one grain's next write.</summary>
    public FaultyGrainStorage Storage => (FaultyGrainStorage)SiloServices.GetRequiredKeyedService<IGrainStorage>(PokerStorage.Name);

    public async Task InitializeAsync() => Cluster = await TestSilo.DeployAsync(() =>
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddTestGrains(Time);
            silo.Services.AddLogging(logging => logging.AddProvider(Logs).AddFilter<LogCapture>((category, _) => category?.StartsWith("Orleans.Poker.", StringComparison.Ordinal) == true));
            var memory = silo.Services.Last(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService && Equals(d.ServiceKey, PokerStorage.Name)
                && d.KeyedImplementationFactory is not null);
            silo.Services.Remove(memory);
            silo.Services.AddKeyedSingleton<IGrainStorage>(PokerStorage.Name, (services, key) =>
                new FaultyGrainStorage((IGrainStorage)memory.KeyedImplementationFactory!(services, key)));
        });
        return builder.Build();
    });

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }
}
