using Microsoft.Extensions.DependencyInjection;
using Orleans.Poker.Grains.Admin;
using Orleans.Poker.Grains.Interfaces.Admin;
using Orleans.Runtime;
using Orleans.Storage;

namespace Orleans.Poker.Grains.Tests.Admin;

[Collection(ClusterCollection.Name)]
public sealed class AuditLogTests(ClusterFixture cluster)
{
    [Fact]
    public async Task Entries_an_earlier_version_kept_in_grain_state_move_to_the_store_once()
    {
        // Another key than the room's log (0), so that this test owns the activation that moves them.
        var log = cluster.Grains.GetGrain<IAuditLogGrain>(Random.Shared.NextInt64(1_000, long.MaxValue));
        var admin = ClusterFixture.NewPlayerId();
        var at = DateTimeOffset.UtcNow.AddDays(-3);
        var kept = new AuditLogState
        {
            Entries = [new AuditEntry(at, admin, "table.pause", "t1", null), new AuditEntry(at.AddMinutes(1), admin, "table.close", "t1", "old")],
        };
        var storage = cluster.SiloServices.GetRequiredKeyedService<IGrainStorage>(PokerStorage.Name);
        await storage.WriteStateAsync("audit", log.GetGrainId(), new GrainState<AuditLogState>(kept));

        var found = await log.Search(new AuditQuery(AdminId: admin));
        await log.Append(new AuditEntry(at.AddMinutes(2), admin, "table.resume", "t1", null));

        Assert.Equal(["table.close", "table.pause"], found.Select(e => e.Action));
        Assert.Equal(3, (await cluster.Grains.GetGrain<IAuditLogGrain>(0).Search(new AuditQuery(AdminId: admin))).Count);
        var left = new GrainState<AuditLogState>(new AuditLogState());
        await storage.ReadStateAsync("audit", log.GetGrainId(), left);
        Assert.Empty(left.State?.Entries ?? []);
    }

    [Fact]
    public async Task A_search_asks_for_at_most_a_thousand_entries_and_never_a_negative_page()
    {
        var admin = ClusterFixture.NewPlayerId();
        var log = cluster.Grains.GetGrain<IAuditLogGrain>(0);
        await log.Append(new AuditEntry(DateTimeOffset.UtcNow, admin, "player.adjust", "1", "+5"));

        Assert.Single(await log.Search(new AuditQuery(AdminId: admin, Skip: -5, Take: 5_000)));
        Assert.Empty(await log.Search(new AuditQuery(AdminId: admin, Take: -1)));
    }
}
