using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;

namespace Orleans.Poker.Grains.Tests.Templates;

[Collection(ClusterCollection.Name)]
public sealed class TemplateGrainTests(ClusterFixture fixture)
{
    private static readonly TemplateConfig Holdem = new()
    {
        Name = "Test Hold'em", Variant = "NT", SmallBlind = 5, BigBlind = 10, MinBuyIn = 200, MaxBuyIn = 1_000,
    };

    [Fact]
    public async Task Create_stores_version_1_active_and_lists_it_in_the_catalog()
    {
        var (id, template) = NewTemplate();

        var info = await template.Create(Holdem);

        Assert.Equal((id, 1, true, 0), (info.Id, info.Version, info.Active, info.TablesInUse));
        Assert.Equal(Holdem, (await template.Get())?.Config);
        Assert.Contains(await fixture.Grains.GetGrain<ITemplateCatalogGrain>(0).List(), t => t.Id == id);
        Assert.Equal(Holdem, fixture.TableRecords.FindTemplateVersion(id, 1));
    }

    [Fact]
    public async Task Unknown_template_reads_as_null()
    {
        var (_, template) = NewTemplate();

        Assert.Null(await template.Get());
        Assert.Equal("not_found", (await Assert.ThrowsAsync<PokerException>(() => template.GetVersion(1))).Code);
    }

    [Fact]
    public async Task Creating_an_existing_template_is_refused()
    {
        var (_, template) = await Created();

        var error = await Assert.ThrowsAsync<PokerException>(() => template.Create(Holdem with { Name = "Other" }));

        Assert.Equal(("template_exists", 409), (error.Code, error.Status));
        Assert.Equal(Holdem.Name, (await template.Get())?.Config.Name);
    }

    [Fact]
    public async Task A_create_whose_state_write_failed_leaves_no_template_and_may_be_retried_with_another_configuration()
    {
        var (id, template) = NewTemplate();
        fixture.Storage.FailNextWrite("template", id);

        await Assert.ThrowsAsync<StoreUnavailableException>(() => template.Create(Holdem));
        var afterFailure = await template.Get();
        var retried = await template.Create(Holdem with { Name = "Second try" });

        Assert.Null(afterFailure);
        Assert.Equal((1, "Second try"), (retried.Version, retried.Config.Name));
        Assert.Equal("Second try", fixture.TableRecords.FindTemplateVersion(id, 1)?.Name);
        Assert.Contains(await fixture.Grains.GetGrain<ITemplateCatalogGrain>(0).List(), t => t.Id == id);
    }

    [Fact]
    public async Task An_update_whose_state_write_failed_keeps_the_version_before()
    {
        var (id, template) = await Created();
        fixture.Storage.FailNextWrite("template", id);

        await Assert.ThrowsAsync<StoreUnavailableException>(() => template.Update(Holdem with { Name = "Lost" }));
        var afterFailure = await template.Get();

        Assert.Equal((1, Holdem.Name), (afterFailure?.Version, afterFailure?.Config.Name));
    }

    [Fact]
    public async Task Invalid_configuration_is_refused_with_the_reason()
    {
        var (_, template) = NewTemplate();

        var error = await Assert.ThrowsAsync<PokerException>(() => template.Create(Holdem with { BigBlind = 0, MinPlayers = 1 }));

        Assert.Equal(("invalid_template", 400), (error.Code, error.Status));
        Assert.Contains("positive blinds", error.Message, StringComparison.Ordinal);
        Assert.Contains("At least 2 players", error.Message, StringComparison.Ordinal);
        Assert.Null(await template.Get());
    }

    [Fact]
    public async Task Update_makes_a_new_version_and_keeps_the_old_one_readable()
    {
        var (_, template) = await Created();
        var tableVersion = await template.Acquire("table-old");

        var updated = await template.Update(Holdem with { SmallBlind = 10, BigBlind = 20, MinBuyIn = 400, MaxBuyIn = 2_000 });

        Assert.Equal(2, updated.Version);
        Assert.Equal(1, tableVersion);
        Assert.Equal(10, (await template.GetVersion(1)).BigBlind);
        Assert.Equal(20, (await template.GetVersion(2)).BigBlind);
        Assert.Equal(1, await template.Acquire("table-old"));
        Assert.Equal(2, await template.Acquire("table-new"));
    }

    [Fact]
    public async Task Invalid_update_keeps_the_current_version()
    {
        var (_, template) = await Created();

        var error = await Assert.ThrowsAsync<PokerException>(() => template.Update(Holdem with { RakePercent = 25 }));

        Assert.Equal("invalid_template", error.Code);
        Assert.Equal(1, (await template.Get())?.Version);
    }

    [Fact]
    public async Task Deactivated_template_creates_no_new_tables()
    {
        var (_, template) = await Created();

        var info = await template.SetActive(false);
        var error = await Assert.ThrowsAsync<PokerException>(() => template.Acquire("table-1"));
        await template.SetActive(true);
        var version = await template.Acquire("table-1");

        Assert.False(info.Active);
        Assert.Equal(("template_inactive", 409), (error.Code, error.Status));
        Assert.Equal(1, version);
    }

    [Fact]
    public async Task Template_in_use_cannot_be_deleted_until_its_tables_have_closed()
    {
        var (id, template) = await Created();
        var table = fixture.Grains.GetGrain<ITableGrain>(ClusterFixture.NewKey("tbl"));
        await table.Create(new TableCreation(id, 1));

        var error = await Assert.ThrowsAsync<PokerException>(() => template.Delete());
        var inUse = (await template.Get())?.TablesInUse;
        await table.Close("test");
        await template.Delete();

        Assert.Equal(("template_in_use", 409), (error.Code, error.Status));
        Assert.Equal(1, inUse);
        Assert.Null(await template.Get());
        Assert.DoesNotContain(await fixture.Grains.GetGrain<ITemplateCatalogGrain>(0).List(), t => t.Id == id);
        Assert.Equal(Holdem, await template.GetVersion(1));
    }

    [Fact]
    public async Task The_catalog_lists_the_templates_while_one_of_them_is_being_deleted_and_the_deletion_completes()
    {
        var (id, template) = await Created();
        var catalog = fixture.Grains.GetGrain<ITemplateCatalogGrain>(0);

        // The deletion is held as it is about to take the template out of the catalog; the catalog is asked for its
        // list meanwhile and asks every template, this one included, before it takes the deletion's call.
        var unregistering = CallGates.Hold(nameof(ITemplateCatalogGrain.Unregister), template);
        var deleting = template.Delete();
        await unregistering.Reached;
        var listed = await catalog.List().WaitAsync(TimeSpan.FromSeconds(20));
        unregistering.Open();
        await deleting.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.DoesNotContain(listed, t => t.Id == id);
        Assert.Null(await template.Get());
        Assert.DoesNotContain(await catalog.List(), t => t.Id == id);
    }

    [Fact]
    public async Task A_template_loaded_again_knows_its_open_tables_and_their_versions_from_their_rows()
    {
        var (id, template) = await Created();
        var (open, closed) = (fixture.Grains.GetGrain<ITableGrain>(ClusterFixture.NewKey("tbl")), fixture.Grains.GetGrain<ITableGrain>(ClusterFixture.NewKey("tbl")));
        await open.Create(new TableCreation(id, 1));
        await closed.Create(new TableCreation(id, 1));
        await closed.Close("test");
        await template.Update(Holdem with { BigBlind = 20 });

        await fixture.Cluster.DeactivateAsync(template);
        var inUse = (await template.Get())?.TablesInUse;
        var error = await Assert.ThrowsAsync<PokerException>(() => template.Delete());

        Assert.Equal(1, inUse);
        Assert.Equal("template_in_use", error.Code);
        Assert.Equal(1, await template.Acquire(open.GetPrimaryKeyString()));
        Assert.Equal(2, await template.Acquire("table-new"));
    }

    [Fact]
    public async Task Acquiring_an_unknown_template_is_not_found()
    {
        var (_, template) = NewTemplate();

        var error = await Assert.ThrowsAsync<PokerException>(() => template.Acquire("table-1"));

        Assert.Equal("not_found", error.Code);
    }

    private (string Id, ITemplateGrain Grain) NewTemplate()
    {
        var id = ClusterFixture.NewKey("tpl");
        return (id, fixture.Grains.GetGrain<ITemplateGrain>(id));
    }

    private async Task<(string Id, ITemplateGrain Grain)> Created()
    {
        var (id, template) = NewTemplate();
        await template.Create(Holdem);
        return (id, template);
    }
}
