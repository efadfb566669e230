using System.Net;
using Npgsql;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Tests.Tables;
using Orleans.TestingHost;

namespace Orleans.Poker.Grains.Tests.Storage;

/// <summary>A table's creation failed by the database part-way (through a <see cref="LoopbackProxy"/>): nothing half-made stays.</summary>
/// <remarks>In the cluster collection only so that silos are not started in parallel in one process.</remarks>
[Collection(ClusterCollection.Name)]
public sealed class TableCreationFaultTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task A_creation_cut_at_the_tables_row_leaves_no_table_in_memory_and_no_claim_on_the_template_and_a_retry_creates_it()
    {
        var port = new NpgsqlConnectionStringBuilder(database.ConnectionString).Port;
        await using var proxy = new LoopbackProxy(new IPEndPoint(IPAddress.Loopback, port));
        var stores = proxy.Through(database.ConnectionString);
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddTestGrains(stores: stores));
        await using var cluster = await TestSilo.DeployAsync(builder.Build);
        var templateId = ClusterFixture.NewKey("tpl");
        var template = cluster.Client.GetGrain<ITemplateGrain>(templateId);
        await template.Create(TableKit.Holdem());
        var table = cluster.Client.GetGrain<ITableGrain>(ClusterFixture.NewKey("tbl"));

        // The connection is reset as the table's row is written, after the table opened in memory and the template
        // counted it.
        proxy.Arm(new StatementFault(FaultKind.Cut, ["INSERT INTO tables", table.GetPrimaryKeyString()]));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => table.Create(new TableCreation(templateId, 1, "Cut")));
        var applied = proxy.Applied;
        var missing = await Assert.ThrowsAsync<PokerException>(() => table.GetSummary());
        var inUse = (await template.Get())!.TablesInUse;

        // The caller retries, as a 503 tells it to: the table is created, once.
        var created = await table.Create(new TableCreation(templateId, 1, "Cut"));

        Assert.Equal(1, applied);
        Assert.Equal("not_found", missing.Code);
        Assert.Equal(0, inUse);
        Assert.Equal("Cut", created.Name);
        Assert.Equal(1, (await template.Get())!.TablesInUse);
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM tables WHERE table_id = @t AND ended_at IS NULL", ("t", table.GetPrimaryKeyString())));
        await table.Close("test over");
    }
}
