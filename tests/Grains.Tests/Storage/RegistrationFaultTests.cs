using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Players;

namespace Orleans.Poker.Grains.Tests.Storage;

/// <summary>A player's first registration failed by the database part-way (through a <see cref="LoopbackProxy"/>): the retry makes the player whole.</summary>
/// <remarks>In the cluster collection only so that silos are not started in parallel in one process.</remarks>
[Collection(ClusterCollection.Name)]
public sealed class RegistrationFaultTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>
{
    [Fact]
    public async Task A_registration_whose_starting_grant_could_not_be_stored_grants_it_once_when_retried()
    {
        await using var silo = await ProxiedSilo.Start(database);
        var (proxy, cluster) = (silo.Proxy, silo.Cluster);
        var id = ClusterFixture.NewPlayerId();
        var player = cluster.Client.GetGrain<IPlayerGrain>(id);
        var profile = new PlayerProfile { PlayerId = id, TelegramId = id, DisplayName = "Nour" };

        // The player's row is written, then the connection is reset as the starting grant goes into the ledger.
        proxy.Arm(new StatementFault(FaultKind.Cut, ["INSERT INTO ledger_transactions", $"grant:{id}"]));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => player.Register(profile));

        // The sign-in is retried, as the 503 tells it to: the player has their starting chips, granted once.
        var registered = await player.Register(profile);

        Assert.Equal(1, proxy.Applied);
        Assert.Equal(10_000, registered.Balance);
        Assert.Equal(10_000L, await database.ScalarAsync<long>("SELECT balance FROM wallets WHERE player_id = @p", ("p", id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM ledger_transactions WHERE player_id = @p", ("p", id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }
}
