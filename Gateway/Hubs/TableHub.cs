using Microsoft.AspNetCore.SignalR;
using Orleans.Poker.Gateway.Auth;
using Orleans.Poker.Gateway.Contracts;
using Orleans.Poker.Gateway.Errors;
using Orleans.Poker.Gateway.Relay;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Gateway.Hubs;

/// <summary>
/// <c>/hubs/table</c>: watch tables and act. Server messages: <c>snapshot</c> (<see cref="TableSnapshot"/>),
/// <c>event</c> (<see cref="TableEventMessage"/>), <c>yourTurn</c> (<see cref="YourTurnMessage"/>),
/// <c>handFinished</c> (<see cref="HandResult"/>) and <c>chat</c> (<see cref="TableChatMessage"/>: a line posted
/// or deleted; through a SignalR group per table, so the Redis backplane reaches every gateway's viewers). The player is
/// always the authenticated one: only signed-in players connect (the endpoint's authorization, <see cref="GatewayEndpoints"/>).
/// </summary>
public sealed class TableHub(TableRelay relay) : Hub
{
    public const string SnapshotMethod = "snapshot";
    public const string EventMethod = "event";
    public const string YourTurnMethod = "yourTurn";
    public const string HandFinishedMethod = "handFinished";
    public const string ChatMethod = "chat";

    /// <summary>The SignalR group of a table's chat viewers.</summary>
    public static string ChatGroup(string tableId) => "chat:" + tableId;

    /// <summary>Starts watching: a <c>snapshot</c> arrives before this returns, then every <c>event</c> in order, and the chat's new lines.</summary>
    public async Task Watch(string tableId)
    {
        var id = Input.TableId(tableId);
        await relay.Watch(Context.ConnectionId, PlayerId, id);
        await Groups.AddToGroupAsync(Context.ConnectionId, ChatGroup(id));
    }

    /// <summary>Stops watching a table.</summary>
    public Task Unwatch(string tableId)
    {
        var id = Input.TableId(tableId);
        relay.Unwatch(Context.ConnectionId, id);
        return Groups.RemoveFromGroupAsync(Context.ConnectionId, ChatGroup(id));
    }

    /// <summary>
    /// Acts on the caller's turn, named by <paramref name="handNo"/> and <paramref name="turnId"/> from the view or
    /// <c>yourTurn</c> message acted on (another turn: <c>stale_action</c>), with a new <paramref name="clientSeq"/> (1..;
    /// 0 is <c>invalid_input</c>) for each action: a repeated one returns the first answer.
    /// </summary>
    public Task<ActResult> Act(string tableId, long handNo, long turnId, ActionKind action, long amount, IReadOnlyList<string>? cards, long clientSeq)
    {
        if (!Enum.IsDefined(action))
        {
            throw Input.Invalid("action", "is not an action");
        }

        var move = new PlayerAction(action, Input.Chips(amount, "amount"), Input.Cards(cards));
        return relay.Table(Input.TableId(tableId)).Act(PlayerId, Input.Turn(handNo, turnId), move, Input.ClientSeq(clientSeq));
    }

    /// <summary>
    /// Pre-selects the caller's action for the street in play of hand <paramref name="handNo"/>, or clears it
    /// (<paramref name="kind"/> null); <paramref name="amount"/> is the amount to call a <c>Call</c> was chosen for.
    /// Returns the choice kept (only the caller sees it, in their private view).
    /// </summary>
    public Task<PreAction?> PreAct(string tableId, long handNo, PreActionKind? kind, long amount) =>
        relay.Table(Input.TableId(tableId)).SetPreAction(PlayerId, Input.HandNo(handNo), Input.PreAction(kind, amount));

    /// <summary>Asks for a fresh <c>snapshot</c> (after a gap); also returned for tables the caller does not watch.</summary>
    public async Task<TableSnapshot?> Snapshot(string tableId)
    {
        var id = Input.TableId(tableId);
        if (await relay.Snapshot(Context.ConnectionId, id))
        {
            return null;
        }

        return await relay.Table(id).GetSnapshot(PlayerId);
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        relay.Disconnected(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }

    private long PlayerId => Context.User!.GetPlayerId();
}
