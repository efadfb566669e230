using System.Net;
using Npgsql;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Tests.Tables;
using Orleans.TestingHost;

namespace Orleans.Poker.Grains.Tests.Storage;

/// <summary>A table's creation failed by the database part-way (through a <see cref="LoopbackProxy"/>): nothing half-made stays, or holds its template.</summary>
/// <remarks>In the cluster collection only so that silos are not started in parallel in one process.</remarks>
[Collection(ClusterCollection.Name)]
public sealed class TableCreationFaultTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task A_creation_cut_at_the_tables_row_leaves_no_table_in_memory_and_no_claim_on_the_template_and_a_retry_creates_it()
    {
        await using var room = await Room.Start(database);
        var (proxy, template, table) = (room.Proxy, room.Template, room.Table);

        // The connection is reset as the table's row is written, after the table opened in memory and the template
        // counted it.
        proxy.Arm(new StatementFault(FaultKind.Cut, ["INSERT INTO tables", room.TableId]));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => table.Create(room.Creation));
        var applied = proxy.Applied;
        var missing = await Assert.ThrowsAsync<PokerException>(() => table.GetSummary());
        var inUse = (await template.Get())!.TablesInUse;

        // The caller retries, as a 503 tells it to: the table is created, once.
        var created = await table.Create(room.Creation);

        Assert.Equal(1, applied);
        Assert.Equal("not_found", missing.Code);
        Assert.Equal(0, inUse);
        Assert.Equal("Cut", created.Name);
        Assert.Equal(1, (await template.Get())!.TablesInUse);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM tables WHERE table_id = @t AND ended_at IS NULL", ("t", room.TableId)));
        await table.Close("test over");
    }

    [Fact]
    public async Task A_creation_cut_at_the_state_leaves_an_open_row_that_the_template_ends_when_it_is_deleted()
    {
        await using var room = await Room.Start(database);
        var (proxy, template, table) = (room.Proxy, room.Template, room.Table);

        // The connection is reset as the table's first state is written: its row is stored, the table is not.
        proxy.Arm(StatementFault.JournalWrite(FaultKind.Cut, room.TableId));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => table.Create(room.Creation));
        var applied = proxy.Applied;
        var openRow = await database.ScalarAsync<long>("SELECT count(*) FROM tables WHERE table_id = @t AND ended_at IS NULL", ("t", room.TableId));

        // Later (the template activated again), the template counts the open row, and its deletion finds no table behind it.
        await room.Cluster.DeactivateAsync(template);
        var counted = (await template.Get())!.TablesInUse;
        await template.Delete();

        Assert.Equal(1, applied);
        Assert.Equal(1L, openRow);
        Assert.Equal(1, counted);
        Assert.Null(await template.Get());
        Assert.Equal("ended", await database.ScalarAsync<string>("SELECT status FROM tables WHERE table_id = @t AND ended_at IS NOT NULL", ("t", room.TableId)));
    }

    /// <summary>A silo whose stores reach the database through <see cref="Proxy"/>, a template, and a table not created yet.</summary>
    private sealed class Room(LoopbackProxy proxy, InProcessTestCluster cluster) : IAsyncDisposable
    {
        public LoopbackProxy Proxy { get; } = proxy;

        public InProcessTestCluster Cluster { get; } = cluster;

        public ITemplateGrain Template { get; } = cluster.Client.GetGrain<ITemplateGrain>(ClusterFixture.NewKey("tpl"));

        public ITableGrain Table { get; } = cluster.Client.GetGrain<ITableGrain>(ClusterFixture.NewKey("tbl"));

        public string TableId => Table.GetPrimaryKeyString();

        public TableCreation Creation => new(Template.GetPrimaryKeyString(), 1, "Cut");

        public static async Task<Room> Start(MigratedDatabase database)
        {
            var port = new NpgsqlConnectionStringBuilder(database.ConnectionString).Port;
            var proxy = new LoopbackProxy(new IPEndPoint(IPAddress.Loopback, port));
            var stores = proxy.Through(database.ConnectionString);
            var builder = new InProcessTestClusterBuilder(1);
            builder.ConfigureSilo((_, silo) => silo.AddTestGrains(stores: stores));
            var room = new Room(proxy, await TestSilo.DeployAsync(builder.Build));
            await room.Template.Create(TableKit.Holdem());
            return room;
        }

        public async ValueTask DisposeAsync()
        {
            await Cluster.DisposeAsync();
            await Proxy.DisposeAsync();
        }
    }
}
