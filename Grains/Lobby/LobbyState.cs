using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Lobby;

/// <summary>The persisted state of a <see cref="LobbyGrain"/> partition: its tables that have not ended, by id.</summary>
[GenerateSerializer, Alias("poker.lobby-state.v1")]
public sealed class LobbyState
{
    [Id(0)] public Dictionary<string, TableSummary> Tables { get; set; } = [];
}
