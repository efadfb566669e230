using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Lobby;

/// <summary>
/// The grain state of a <see cref="LobbyGrain"/> partition in releases before <see cref="Storage.ILobbyStore"/>: its
/// tables that had not ended, by id, written whole on every change. Read only to move those entries to the store; empty
/// once moved.
/// </summary>
[GenerateSerializer, Alias("poker.lobby-state.v1")]
public sealed class LobbyState
{
    [Id(0)] public Dictionary<string, TableSummary> Tables { get; set; } = [];
}
