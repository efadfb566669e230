using Microsoft.Extensions.DependencyInjection;
using Orleans.Poker.Grains.Interfaces.Lobby;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Lobby;
using Orleans.Runtime;
using Orleans.Storage;
using Orleans.TestingHost;

namespace Orleans.Poker.Grains.Tests.Lobby;

/// <summary>Table summaries for the lobby's tests, and a partition's grain state as releases before the lobby store kept it.</summary>
public static class LobbyKit
{
    /// <summary>A waiting public table in the same partition as <paramref name="sameAs"/> (when given), so one lobby grain holds both.</summary>
    public static TableSummary Summary(string name, string? sameAs = null)
    {
        var id = ClusterFixture.NewKey(name);
        while (sameAs is not null && ILobbyGrain.PartitionOf(id) != ILobbyGrain.PartitionOf(sameAs))
        {
            id = ClusterFixture.NewKey(name);
        }

        return new TableSummary
        {
            TableId = id, Name = name, Variant = "NT", TemplateId = "nlhe-cash", TemplateVersion = 1, Status = TableStatus.Waiting,
            SmallBlind = 1, BigBlind = 2, MaxPlayers = 9, MinBuyIn = 80, MaxBuyIn = 400,
        };
    }

    /// <summary>A summary with every field set to something other than its default.</summary>
    public static TableSummary Full(string name, string? sameAs = null) => Summary(name, sameAs) with
    {
        TemplateVersion = 3, Status = TableStatus.Active, Type = TableType.Expiring, SmallBlind = 5, BigBlind = 10,
        SeatsTaken = 4, MaxPlayers = 6, WaitlistLength = 2, IsPrivate = true, ExpiresAt = new DateTimeOffset(2030, 1, 1, 13, 0, 0, TimeSpan.Zero),
        MinBuyIn = 200, MaxBuyIn = 1_000, HandNo = 77, Ante = 1, BringIn = 2, SmallBet = 10, BigBet = 20, Timeouts = 9, CreatedBy = 42, SeatsHeld = 1,
    };

    /// <summary>
    /// Stores <paramref name="tables"/> as the grain state of their partition the way a release before the lobby store
    /// did, and deactivates the partition: its next call activates it from that state.
    /// </summary>
    public static async Task WriteEarlierState(InProcessTestCluster cluster, long partition, params TableSummary[] tables)
    {
        var lobby = cluster.Client.GetGrain<ILobbyGrain>(partition);
        var state = await ReadEarlierState(cluster, partition);
        state.State = new LobbyState { Tables = tables.ToDictionary(t => t.TableId) };
        await Storage(cluster).WriteStateAsync("lobby", lobby.GetGrainId(), state);
        await cluster.DeactivateAsync(lobby);
    }

    /// <summary>The partition's grain state as stored now.</summary>
    public static async Task<GrainState<LobbyState>> ReadEarlierState(InProcessTestCluster cluster, long partition)
    {
        var state = new GrainState<LobbyState>();
        await Storage(cluster).ReadStateAsync("lobby", cluster.Client.GetGrain<ILobbyGrain>(partition).GetGrainId(), state);
        return state;
    }

    private static IGrainStorage Storage(InProcessTestCluster cluster) =>
        cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(PokerStorage.Name);
}
