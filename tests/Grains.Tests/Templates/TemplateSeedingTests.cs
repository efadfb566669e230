using Orleans.Poker.Grains.Interfaces.Lobby;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Templates;
using Orleans.TestingHost;

namespace Orleans.Poker.Grains.Tests.Templates;

/// <remarks>In the cluster collection only so that silos are not started in parallel in one process.</remarks>
[Collection(ClusterCollection.Name)]
public sealed class TemplateSeedingTests
{
    [Fact]
    public async Task Silo_with_seeding_starts_with_the_default_templates()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddTestGrains();
            silo.AddPokerTemplateSeeding();
        });
        await using var cluster = builder.Build();
        await cluster.DeployAsync();

        var listed = await cluster.Client.GetGrain<ITemplateCatalogGrain>(0).List();

        var lobby = new List<string>();
        for (var partition = 0; partition < ILobbyGrain.Partitions; partition++)
        {
            lobby.AddRange((await cluster.Client.GetGrain<ILobbyGrain>(partition).List()).Select(t => t.TableId));
        }

        Assert.Equal(DefaultTemplates.All.Select(t => t.Id).Order(), listed.Select(t => t.Id).Order());
        Assert.Equal(
            DefaultTemplates.All.Where(t => t.Config is { Type: TableType.Persistent, IsPrivate: false }).Select(t => $"{t.Id}-1").Order(),
            lobby.Order());
    }
}
