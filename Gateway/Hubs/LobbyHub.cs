using Microsoft.AspNetCore.SignalR;
using Orleans.Poker.Gateway.Api;
using Orleans.Poker.Gateway.Relay;
using Orleans.Poker.Grains.Interfaces.Lobby;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Gateway.Hubs;

/// <summary>
/// <c>/hubs/lobby</c>: <c>tables</c> (the listed tables) on connect, then <c>tableUpdated</c>
/// (<see cref="TableSummary"/>) and <c>tableRemoved</c> (table id). Only signed-in players connect (the endpoint's
/// authorization, <see cref="GatewayEndpoints"/>).
/// </summary>
public sealed class LobbyHub(LobbyRelay relay, IGrainFactory grains) : Hub
{
    public const string TablesMethod = "tables";
    public const string TableUpdatedMethod = "tableUpdated";
    public const string TableRemovedMethod = "tableRemoved";

    public override async Task OnConnectedAsync()
    {
        await relay.Connected(Context.ConnectionId);
        try
        {
            await Clients.Caller.SendAsync(TablesMethod, await ILobbyGrain.ListAll(grains));
        }
        catch
        {
            // No OnDisconnectedAsync follows a failed OnConnectedAsync (unless HubGuardFilter closes the connection).
            relay.Disconnected(Context.ConnectionId);
            throw;
        }

        await base.OnConnectedAsync();
    }

    /// <summary>The listed tables now.</summary>
    public Task<IReadOnlyList<TableSummary>> List() => ILobbyGrain.ListAll(grains);

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        relay.Disconnected(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
