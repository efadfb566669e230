using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Storage;
using Orleans.Poker.Grains.Telemetry;
using Orleans.Poker.Grains.Tests.Lobby;
using Orleans.Serialization;

namespace Orleans.Poker.Grains.Tests.Storage;

/// <summary>What both lobby stores do: one entry per table and partition, each kept whole until replaced or removed.</summary>
public abstract class LobbyStoreContractTests
{
    private static long _nextPartition = 1_000;

    protected abstract ILobbyStore Store { get; }

    /// <summary>A partition no other test uses (the store takes any number; the lobby uses 0 to 7).</summary>
    protected static long NewPartition() => Interlocked.Increment(ref _nextPartition);

    [Fact]
    public async Task A_partition_loads_its_entries_with_everything_the_summaries_hold()
    {
        var (partition, other) = (NewPartition(), NewPartition());
        var full = LobbyKit.Full("full");
        var plain = LobbyKit.Summary("plain");
        await Store.Upsert(partition, full);
        await Store.Upsert(partition, plain);
        await Store.Upsert(other, LobbyKit.Summary("elsewhere"));

        var loaded = await Store.Load(partition);

        Assert.Equal(new[] { full, plain }.OrderBy(t => t.TableId, StringComparer.Ordinal), loaded.OrderBy(t => t.TableId, StringComparer.Ordinal));
        Assert.Empty(await Store.Load(NewPartition()));
    }

    [Fact]
    public async Task Upsert_replaces_an_entry_and_remove_drops_it_once()
    {
        var partition = NewPartition();
        var (table, kept) = (LobbyKit.Summary("replaced"), LobbyKit.Summary("kept"));
        await Store.Upsert(partition, table);
        await Store.Upsert(partition, kept);

        await Store.Upsert(partition, table with { SeatsTaken = 5, HandNo = 12 });
        var replaced = await Store.Load(partition);
        await Store.Remove(partition, table.TableId);
        await Store.Remove(partition, table.TableId);
        await Store.Remove(partition, "never-stored");

        Assert.Equal((5, 12L), replaced.Where(t => t.TableId == table.TableId).Select(t => (t.SeatsTaken, t.HandNo)).Single());
        Assert.Equal([kept], await Store.Load(partition));
    }
}

public sealed class MemoryLobbyStoreTests : LobbyStoreContractTests
{
    protected override ILobbyStore Store { get; } = new MemoryLobbyStore();
}

public sealed class NpgsqlLobbyStoreTests(MigratedDatabase database) : LobbyStoreContractTests, IClassFixture<MigratedDatabase>, IAsyncLifetime
{
    private readonly ServiceProvider services = Services(database.DataSource);

    protected override ILobbyStore Store => services.GetRequiredService<NpgsqlLobbyStore>();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await services.DisposeAsync();

    [Fact]
    public async Task An_entry_is_one_row_of_its_summary()
    {
        var partition = NewPartition();
        var table = LobbyKit.Full("row");
        await Store.Upsert(partition, table);
        await Store.Upsert(partition, table with { SeatsTaken = 1 });

        var rows = await database.ScalarAsync<long>("SELECT count(*) FROM lobby_tables WHERE partition = @p", ("p", (int)partition));
        var bytes = await database.ScalarAsync<int>("SELECT octet_length(summary) FROM lobby_tables WHERE table_id = @t", ("t", table.TableId));

        Assert.Equal(1, rows);
        Assert.InRange(bytes, 50, 400);
    }

    [Fact]
    public async Task A_database_failure_surfaces_as_store_unavailable()
    {
        // Nothing listens on port 1: every statement fails in Npgsql.
        await using var nowhere = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=poker;Password=none;Database=none;Timeout=2");
        await using var failing = Services(nowhere);
        var store = failing.GetRequiredService<NpgsqlLobbyStore>();

        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.Load(0));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.Upsert(0, LobbyKit.Summary("down")));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => store.Remove(0, "down"));
    }

    private static ServiceProvider Services(NpgsqlDataSource dataSource) => new ServiceCollection()
        .AddSerializer(serializer => serializer.AddAssembly(typeof(TableSummary).Assembly))
        .AddMetrics()
        .AddLogging()
        .AddSingleton<StorageMetrics>()
        .AddSingleton(dataSource)
        .AddSingleton<NpgsqlLobbyStore>()
        .BuildServiceProvider();
}
