using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Lobby;
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
        // The connection is reset as the table's first state is written: its row is stored, the table is not.
        await using var room = await Room.WithOrphanRow(database);
        var template = room.Template;
        var applied = room.Proxy.Applied;
        var openRow = await database.ScalarAsync<long>("SELECT count(*) FROM tables WHERE table_id = @t AND ended_at IS NULL", ("t", room.TableId));

        // Later (the template activated again), the template counts the open row, and its deletion finds no table behind it.
        var counted = (await template.Get())!.TablesInUse;
        await template.Delete();

        Assert.Equal(1, applied);
        Assert.Equal(1L, openRow);
        Assert.Equal(1, counted);
        Assert.Null(await template.Get());
        Assert.Equal("ended", await database.ScalarAsync<string>("SELECT status FROM tables WHERE table_id = @t AND ended_at IS NOT NULL", ("t", room.TableId)));
    }

    [Fact]
    public async Task A_creation_retried_under_the_same_id_while_its_template_is_deleted_is_answered_and_so_is_the_deletion()
    {
        await using var room = await Room.WithOrphanRow(database);
        var (template, table) = (room.Template, room.Table);

        // The deletion counts the open row and is about to ask that table whether it exists; the creation is retried
        // under the same id meanwhile, so the table waits for the template (its claim) while the template asks it.
        var asking = CallGates.Hold(nameof(ITableGrain.GetSummary), template);
        var claiming = CallGates.Watch(nameof(ITemplateGrain.Acquire), table);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var deleting = template.Delete();
        await asking.Reached;
        var creating = table.Create(room.Creation);
        await claiming.Reached;
        asking.Open();

        // The table, busy with its creation, counts as in use: the deletion is refused without waiting for Orleans'
        // 30-s response timeout, and the creation goes on.
        var refused = await Assert.ThrowsAsync<PokerException>(() => deleting);
        var answeredAfter = watch.Elapsed;
        var created = await creating;

        Assert.Equal("template_in_use", refused.Code);
        Assert.InRange(answeredAfter, TimeSpan.Zero, TimeSpan.FromSeconds(20));
        Assert.Equal("Cut", created.Name);
        Assert.Equal(1, (await template.Get())!.TablesInUse);
        await table.Close("test over");
    }

    [Fact]
    public async Task A_close_whose_record_write_failed_is_recorded_later_and_releases_its_template_and_lobby_entry()
    {
        await using var room = await Room.Start(database);
        var (proxy, template, table) = (room.Proxy, room.Template, room.Table);
        await table.Create(room.Creation);
        var lobby = room.Cluster.Client.GetGrain<ILobbyGrain>(ILobbyGrain.PartitionOf(room.TableId));

        // The connection is reset as the closed table's row is written: the table has ended, its row says it is open.
        proxy.Arm(new StatementFault(FaultKind.Cut, ["INSERT INTO tables", room.TableId]));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => table.Close("closed by an admin"));
        var status = (await table.GetSummary()).Status;

        // The table's timer writes the row again, then removes the lobby entry and releases the template.
        var released = await BoundedWait.Until(async () => (await template.Get())!.TablesInUse, n => n == 0, "the template released", TimeSpan.FromSeconds(30));

        Assert.Equal(1, proxy.Applied);
        Assert.Equal(TableStatus.Ended, status);
        Assert.Equal(0, released);
        Assert.Equal("ended", await database.ScalarAsync<string>("SELECT status FROM tables WHERE table_id = @t AND ended_at IS NOT NULL", ("t", room.TableId)));
        Assert.DoesNotContain(await lobby.List(), s => s.TableId == room.TableId);
    }

    /// <summary>A silo whose stores reach the database through <see cref="Proxy"/>, a template, and a table not created yet.</summary>
    private sealed class Room(ProxiedSilo silo) : IAsyncDisposable
    {
        public LoopbackProxy Proxy => silo.Proxy;

        public InProcessTestCluster Cluster => silo.Cluster;

        public ITemplateGrain Template { get; } = silo.Cluster.Client.GetGrain<ITemplateGrain>(ClusterFixture.NewKey("tpl"));

        public ITableGrain Table { get; } = silo.Cluster.Client.GetGrain<ITableGrain>(ClusterFixture.NewKey("tbl"));

        public string TableId => Table.GetPrimaryKeyString();

        public TableCreation Creation => new(Template.GetPrimaryKeyString(), 1, "Cut");

        public static async Task<Room> Start(MigratedDatabase database)
        {
            var room = new Room(await ProxiedSilo.Start(database));
            await room.Template.Create(TableKit.Holdem());
            return room;
        }

        /// <summary>A room whose table's creation was cut at its first state (an open row, no table), its template activated again since.</summary>
        public static async Task<Room> WithOrphanRow(MigratedDatabase database)
        {
            var room = await Start(database);
            room.Proxy.Arm(StatementFault.JournalWrite(FaultKind.Cut, room.TableId));
            await Assert.ThrowsAsync<StoreUnavailableException>(() => room.Table.Create(room.Creation));
            room.Proxy.Disarm();
            await room.Cluster.DeactivateAsync(room.Template);
            return room;
        }

        public ValueTask DisposeAsync() => silo.DisposeAsync();
    }
}
