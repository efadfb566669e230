using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Templates;

namespace Orleans.Poker.Grains.Tests.Templates;

[Collection(ClusterCollection.Name)]
public sealed class TemplateSeederTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Seeding_creates_every_default_once()
    {
        await TemplateSeeder.SeedAsync(fixture.Grains);

        var again = await TemplateSeeder.SeedAsync(fixture.Grains);

        Assert.Empty(again);
        var listed = (await fixture.Grains.GetGrain<ITemplateCatalogGrain>(0).List()).Select(t => t.Id).ToHashSet();
        Assert.All(DefaultTemplates.All, d => Assert.Contains(d.Id, listed));
        foreach (var (id, config) in DefaultTemplates.All)
        {
            var stored = (await fixture.Grains.GetGrain<ITemplateGrain>(id).Get())?.Config;
            Assert.NotNull(stored);
            Assert.Equal(config with { BlindLevels = [] }, stored with { BlindLevels = [] });
            Assert.Equal(config.BlindLevels, stored.BlindLevels);
        }
    }

    [Fact]
    public void Defaults_cover_every_variant_and_the_required_templates()
    {
        var ids = DefaultTemplates.All.Select(t => t.Id).ToList();

        Assert.Subset(ids.ToHashSet(), new HashSet<string> { "nlhe-cash", "sng-6max", "practice" });
        Assert.Equal(TemplateVariants.All.Order(), DefaultTemplates.All.Select(t => t.Config.Variant).Distinct().Order());
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(3, DefaultTemplates.All.Single(t => t.Id == "practice").Config.Robots);
        Assert.Equal(TableType.SitAndGo, DefaultTemplates.All.Single(t => t.Id == "sng-6max").Config.Type);
    }

    [Fact]
    public void Every_default_template_is_valid()
    {
        var problems = DefaultTemplates.All.SelectMany(t => TemplateValidator.Validate(t.Config).Select(e => $"{t.Id}: {e}"));

        Assert.Empty(problems);
    }
}
