using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;
using Orleans.Poker.Gateway.Auth;
using Orleans.Poker.Gateway.Contracts;
using Orleans.Poker.Gateway.Errors;
using Orleans.Poker.Gateway.Hubs;
using Orleans.Poker.Grains.Interfaces.Chat;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Gateway.Api;

/// <summary>
/// Table chat: <c>/api/tables/{tableId}/chat</c> (read, post, report), <c>/api/players/me/chat-mutes</c> (the caller's
/// own mutes) and <c>/api/admin/chat</c>, <c>/api/admin/tables/{tableId}/chat</c> (reports, deletions and room-wide
/// mutes; admin role only, audited). Posted and deleted lines go to the table's viewers as the hub's <c>chat</c> message.
/// </summary>
public static class ChatEndpoints
{
    public static RouteGroupBuilder MapChatEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/chat/emotes", () => ChatEmotes.All).WithTags("Chat").RequireAuthorization()
            .WithSummary("The fixed emotes a chat line may be: code → symbol");

        var chat = api.MapGroup("/tables/{tableId}/chat").WithTags("Chat").RequireAuthorization();

        chat.MapGet("", async (string tableId, IGrainFactory grains) =>
        {
            // Everybody who may watch the table reads its chat; an unknown table is a 404.
            await grains.GetGrain<ITableGrain>(Input.TableId(tableId)).GetSummary();
            return await Chat(tableId, grains).Recent();
        }).WithSummary("The table's recent chat lines, oldest first (deleted lines keep their place with an empty text)");

        chat.MapPost("", async (string tableId, ChatPostRequest request, ClaimsPrincipal user, IGrainFactory grains, IHubContext<TableHub> hub) =>
        {
            var requestId = Input.RequestId(request.RequestId);
            var message = await Chat(tableId, grains).Post(user.GetPlayerId(), request.Text, request.Emote, requestId);
            // A repeat is delivered again too: viewers merge lines by id, and the first delivery may be what failed.
            await Deliver(hub, tableId, message);
            return message;
        }).WithSummary("Post a line (seated players only): a text of up to 200 characters or an emote; 5 lines per 10 s; a repeated requestId gets the first answer");

        chat.MapPost("/{messageId:long}/report", async (string tableId, long messageId, ReasonRequest? request, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            await Chat(tableId, grains).Report(messageId, user.GetPlayerId(), Input.OptionalText(request?.Reason, "reason", 200));
            return Results.NoContent();
        }).WithSummary("Report a line to the admins (once per line)");

        var mutes = api.MapGroup("/players/me/chat-mutes").WithTags("Chat").RequireAuthorization();
        mutes.MapGet("", async (ClaimsPrincipal user, IGrainFactory grains) => new ChatMutesResponse(await Me(user, grains).GetChatMutes()))
            .WithSummary("The players whose chat lines the caller hides");

        mutes.MapPut("/{playerId:long}", async (long playerId, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            await Known(playerId, grains);
            return new ChatMutesResponse(await Me(user, grains).SetChatMute(playerId, true));
        }).WithSummary("Hide a player's chat lines from the caller (nobody else is affected)");

        mutes.MapDelete("/{playerId:long}", async (long playerId, ClaimsPrincipal user, IGrainFactory grains) =>
            new ChatMutesResponse(await Me(user, grains).SetChatMute(Input.PlayerId(playerId), false)))
            .WithSummary("Show a player's chat lines again");

        var admin = api.MapGroup("/admin").WithTags("Admin").RequireAuthorization(PokerClaims.AdminPolicy);
        admin.MapGet("/chat/reports", async (int? page, int? pageSize, IGrainFactory grains) =>
        {
            var (p, size, skip) = Input.Page(page, pageSize);
            return new PageResponse<ChatReport>(await Moderation(grains).Reports(skip, size), p, size);
        }).WithSummary("Reported chat lines, newest first, each with a copy of the line as reported");

        admin.MapDelete("/tables/{tableId}/chat/{messageId:long}", async (string tableId, long messageId, ClaimsPrincipal user, IGrainFactory grains, IHubContext<TableHub> hub, Audit audit) =>
        {
            var chat = Chat(tableId, grains);
            // The entry names the line's author, so it is read first (an unknown line is a 404 and audits nothing).
            var line = (await chat.Recent()).FirstOrDefault(m => m.Id == messageId) ?? throw PokerException.NotFound($"Chat message {messageId} of table {tableId}");
            var deleted = await audit.Run(user.GetPlayerId(), "chat.delete", $"{tableId}#{messageId}", $"player {line.PlayerId}", () => chat.Delete(messageId));
            await Deliver(hub, tableId, deleted);
            return deleted;
        }).WithSummary("Delete a chat line (its text is gone for everybody)");

        admin.MapGet("/chat/mutes", (IGrainFactory grains) => Moderation(grains).Mutes()).WithSummary("Players muted in every table's chat");

        admin.MapPut("/chat/mutes/{playerId:long}", async (long playerId, ReasonRequest request, ClaimsPrincipal user, IGrainFactory grains, Audit audit) =>
        {
            var reason = Input.Text(request.Reason, "reason", 200);
            await Known(playerId, grains);
            return await audit.Run(user.GetPlayerId(), "chat.mute", playerId.ToString(CultureInfo.InvariantCulture), reason,
                () => Moderation(grains).Mute(playerId, user.GetPlayerId(), reason));
        }).WithSummary("Mute a player in every table's chat");

        admin.MapDelete("/chat/mutes/{playerId:long}", async (long playerId, ClaimsPrincipal user, IGrainFactory grains, Audit audit) =>
        {
            var muted = Input.PlayerId(playerId);
            await audit.Run(user.GetPlayerId(), "chat.unmute", muted.ToString(CultureInfo.InvariantCulture), null, () => Moderation(grains).Unmute(muted));
            return Results.NoContent();
        }).WithSummary("Lift a room-wide chat mute");
        return api;
    }

    private static ITableChatGrain Chat(string tableId, IGrainFactory grains) => grains.GetGrain<ITableChatGrain>(Input.TableId(tableId));

    private static IChatModerationGrain Moderation(IGrainFactory grains) => grains.GetGrain<IChatModerationGrain>(IChatModerationGrain.Key);

    private static IPlayerGrain Me(ClaimsPrincipal user, IGrainFactory grains) => grains.GetGrain<IPlayerGrain>(user.GetPlayerId());

    // Mutes name real players: an unknown id is a 404 (the player grain's Get), not a silent entry.
    private static Task Known(long playerId, IGrainFactory grains) => grains.GetGrain<IPlayerGrain>(Input.PlayerId(playerId)).Get();

    private static Task Deliver(IHubContext<TableHub> hub, string tableId, ChatMessage message) =>
        hub.Clients.Group(TableHub.ChatGroup(tableId)).SendAsync(TableHub.ChatMethod, new TableChatMessage(tableId, message));
}
