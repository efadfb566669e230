using Orleans.Poker.Grains.Interfaces.Sessions;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Templates;

namespace Orleans.Poker.Grains.Tests.Storage;

/// <summary>A state write that fails (a database that blinked) leaves the grain as storage has it: the retry does the work.</summary>
[Collection(ClusterCollection.Name)]
public sealed class FailedWriteTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_refresh_whose_revocation_could_not_be_stored_redeems_the_session_when_retried()
    {
        var key = Guid.NewGuid().ToString("N");
        var session = fixture.Client.GetGrain<ISessionGrain>(key);
        var info = new SessionInfo(ClusterFixture.NewPlayerId(), IsGuest: false, fixture.Time.GetUtcNow().AddDays(30));
        await session.Start(info);

        fixture.Storage.FailNextWrite("session", key);
        await Assert.ThrowsAnyAsync<Exception>(() => session.Redeem());

        // The token was not used up: the player's retry refreshes them (before, they were signed out), once.
        Assert.Equal(info, await session.Redeem());
        Assert.Null(await session.Redeem());
    }

    [Fact]
    public async Task A_template_whose_listing_could_not_be_stored_is_created_and_listed_when_the_create_is_retried()
    {
        var id = $"t-{Guid.NewGuid():N}"[..20];
        var template = fixture.Client.GetGrain<ITemplateGrain>(id);
        var catalog = fixture.Client.GetGrain<ITemplateCatalogGrain>(0);
        var config = new TemplateConfig { Name = "Retried", Variant = "NT", SmallBlind = 5, BigBlind = 10, MinBuyIn = 200, MaxBuyIn = 1_000 };

        fixture.Storage.FailNextWrite("template-catalog", catalog);
        await Assert.ThrowsAnyAsync<Exception>(() => template.Create(config));
        var info = await template.Create(config);

        // Created once (version 1), listed, and the listing is in storage, not only in the catalog's memory.
        var stored = new GrainState<TemplateCatalogState>();
        await fixture.Storage.ReadStateAsync("template-catalog", catalog.GetGrainId(), stored);
        Assert.Equal((id, 1), (info.Id, info.Version));
        Assert.Contains(await catalog.List(), t => t.Id == id);
        Assert.Contains(id, stored.State?.TemplateIds ?? []);
    }
}
