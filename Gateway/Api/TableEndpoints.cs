using System.Security.Claims;
using System.Text;
using Orleans.Poker.Engine.Phh;
using Orleans.Poker.Gateway.Auth;
using Orleans.Poker.Gateway.Contracts;
using Orleans.Poker.Gateway.Errors;
using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Poker.Grains.Interfaces.Lobby;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Hands;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;

namespace Orleans.Poker.Gateway.Api;

/// <summary><c>/api/tables</c> and <c>/api/lobby</c>: list, recent activity, get, my view, create, join, sit, leave, waitlist, hands.</summary>
public static class TableEndpoints
{
    public static RouteGroupBuilder MapTableEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/lobby", (string? variant, TableStatus? status, int? page, int? pageSize, IGrainFactory grains) => List(variant, status, page, pageSize, grains))
            .WithTags("Tables").RequireAuthorization().WithSummary("Listed tables (alias of GET /api/tables)");

        api.MapGet("/lobby/activity", async (IGrainFactory grains) =>
        {
            // Only listed tables: a private table's id is its secret.
            var listed = (await ILobbyGrain.ListAll(grains, includePrivate: false)).Select(t => t.TableId).ToHashSet(StringComparer.Ordinal);
            var activity = await grains.GetGrain<IPlayerResultsGrain>(0).TableActivity();
            return activity.Where(a => listed.Contains(a.TableId)).ToList();
        }).WithTags("Tables").RequireAuthorization().WithSummary("Listed tables' hands in the last hour, average pot and last hand's end");

        var tables = api.MapGroup("/tables").WithTags("Tables").RequireAuthorization();
        tables.MapGet("", (string? variant, TableStatus? status, int? page, int? pageSize, IGrainFactory grains) => List(variant, status, page, pageSize, grains))
            .WithSummary("Listed tables, filtered by variant and status (paged)");

        tables.MapGet("/{tableId}", (string tableId, IGrainFactory grains) => Table(tableId, grains).GetSummary()).WithSummary("A table's summary");

        tables.MapGet("/{tableId}/state", (string tableId, ClaimsPrincipal user, IGrainFactory grains) => Table(tableId, grains).GetSnapshot(user.GetPlayerId()))
            .WithSummary("The table as the caller sees it (public view plus own cards and legal actions)");

        tables.MapPost("", async (CreateTableRequest request, ClaimsPrincipal user, IGrainFactory grains, ILoggerFactory logs) =>
        {
            var templateId = Input.TemplateId(request.TemplateId);
            var name = Input.OptionalText(request.Name, "name", 48);
            var me = user.GetPlayerId();
            var template = await grains.GetGrain<ITemplateGrain>(templateId).Get() ?? throw PokerException.NotFound($"Template {templateId}");
            if (!template.Active)
            {
                throw PokerException.Conflict("template_inactive", $"Template {templateId} is deactivated");
            }

            var tableId = Lobby.NewTableId();
            var table = grains.GetGrain<ITableGrain>(tableId);
            var summary = await table.Create(new TableCreation(templateId, me, name, request.Private));
            var invite = summary.IsPrivate ? $"{tableId}:{await table.GetInviteCode(me)}" : null;
            logs.CreateLogger(typeof(TableEndpoints)).LogInformation("Player {PlayerId} created table {TableId} from {TemplateId}", me, tableId, templateId);
            return Results.Created($"/api/tables/{tableId}", new TableCreatedResponse(summary, invite));
        }).WithSummary("Create a table from a template (private tables return an invite)");

        tables.MapGet("/{tableId}/invite", async (string tableId, ClaimsPrincipal user, IGrainFactory grains) =>
            new { invite = $"{Input.TableId(tableId)}:{await Table(tableId, grains).GetInviteCode(user.GetPlayerId())}" })
            .WithSummary("A private table's invite (creator and players only)");

        tables.MapPost("/join", async (JoinByInviteRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            var invite = Input.Text(request.Invite, "invite", 128);
            var colon = invite.IndexOf(':');
            if (colon <= 0)
            {
                throw Input.Invalid("invite", "must look like tableId:code");
            }

            var tableId = Input.TableId(invite[..colon]);
            if (!(await Table(tableId, grains).GetSummary()).IsPrivate)
            {
                throw new PokerException("not_private", "This table is public: sit down without an invite");
            }

            var seat = await Table(tableId, grains).Sit(new SeatRequest(user.GetPlayerId(), user.GetDisplayName(), Input.Chips(request.BuyIn, "buyIn"), Input.Seat(request.Seat), invite[(colon + 1)..]));
            return new JoinedResponse(tableId, seat);
        }).WithSummary("Join a private table by its invite");

        tables.MapPost("/{tableId}/sit", async (string tableId, SitRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            var inviteCode = Input.OptionalText(request.InviteCode, "inviteCode", 64);
            var seat = await Table(tableId, grains).Sit(new SeatRequest(user.GetPlayerId(), user.GetDisplayName(), Input.Chips(request.BuyIn, "buyIn"), Input.Seat(request.Seat), inviteCode));
            return new JoinedResponse(tableId, seat);
        }).WithSummary("Take a seat with a buy-in");

        tables.MapPost("/{tableId}/leave", async (string tableId, ClaimsPrincipal user, IGrainFactory grains) =>
            new ChipsResponse(await Table(tableId, grains).Leave(user.GetPlayerId()))).WithSummary("Leave (after folding) and cash out");

        tables.MapPost("/{tableId}/sit-out", async (string tableId, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            await Table(tableId, grains).SitOut(user.GetPlayerId());
            return Results.NoContent();
        }).WithSummary("Sit out");

        tables.MapPost("/{tableId}/sit-in", async (string tableId, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            await Table(tableId, grains).SitIn(user.GetPlayerId());
            return Results.NoContent();
        }).WithSummary("Come back from sitting out");

        tables.MapPost("/{tableId}/top-up", async (string tableId, AmountRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
            new ChipsResponse(await Table(tableId, grains).TopUp(user.GetPlayerId(), Input.Chips(request.Amount, "amount"))))
            .WithSummary("Add chips from the balance between hands");

        tables.MapPost("/{tableId}/act", (string tableId, ActRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
            Table(tableId, grains).Act(
                user.GetPlayerId(),
                Input.Turn(request.HandNo, request.TurnId),
                new PlayerAction(request.Action, Input.Chips(request.Amount, "amount"), Input.Cards(request.Cards)), Input.ClientSeq(request.ClientSeq)))
            .WithSummary("Act on the caller's turn (the hub's Act is preferred)");

        tables.MapPost("/{tableId}/pre-action", async (string tableId, PreActionRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
            new PreActionResponse(await Table(tableId, grains).SetPreAction(user.GetPlayerId(), Input.HandNo(request.HandNo), Input.PreAction(request.Kind, request.Amount))))
            .WithSummary("Pre-select the caller's action for the street in play, or clear it (kind null); the hub's PreAct is preferred");

        // Through the table, which refuses a queue while a seat is free, for a seated player and at a private table without
        // its invite code (the seat it holds is for an invited player only), and counts the queue. The body is optional.
        tables.MapPost("/{tableId}/waitlist", async (string tableId, WaitlistRequest? request, ClaimsPrincipal user, IGrainFactory grains) =>
            new PositionResponse(tableId, await Table(tableId, grains).JoinWaitlist(user.GetPlayerId(), user.GetDisplayName(), Input.OptionalText(request?.InviteCode, "inviteCode", 64))))
            .WithSummary("Join the table's waitlist (409 while a seat is free or when already seated; 403 at a private table without its inviteCode)");

        tables.MapDelete("/{tableId}/waitlist", async (string tableId, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            await Table(tableId, grains).LeaveWaitlist(user.GetPlayerId());
            return Results.NoContent();
        }).WithSummary("Leave the table's waitlist");

        tables.MapGet("/{tableId}/waitlist/position", async (string tableId, ClaimsPrincipal user, IGrainFactory grains) =>
            new PositionResponse(tableId, await grains.GetGrain<IWaitlistGrain>(Input.TableId(tableId)).GetPosition(user.GetPlayerId())))
            .WithSummary("The caller's waitlist position");

        tables.MapGet("/{tableId}/hands/{handNo:long}", async (string tableId, long handNo, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            var hand = await Hand(tableId, handNo, user, grains);
            return hand.Phh is null ? hand : hand with { Phh = AsSeenBy(user, hand, hand.Phh) };
        }).WithSummary("A finished hand (players of the hand, with the cards they saw, and admins)");

        tables.MapGet("/{tableId}/hands/{handNo:long}/phh", async (string tableId, long handNo, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            var hand = await Hand(tableId, handNo, user, grains);
            var phh = hand.Phh ?? await grains.GetGrain<ITableGrain>(tableId).GetHandHistory(handNo) ?? throw PokerException.NotFound($"Hand {handNo}");
            return Results.File(Encoding.UTF8.GetBytes(AsSeenBy(user, hand, phh)), "text/plain; charset=utf-8", $"{tableId}-{handNo}.phh");
        }).WithSummary("A finished hand as a PHH download (players of the hand, with the cards they saw, and admins)");
        return api;
    }

    private static async Task<PageResponse<TableSummary>> List(string? variant, TableStatus? status, int? page, int? pageSize, IGrainFactory grains)
    {
        var (p, size, skip) = Input.Page(page, pageSize);
        var filter = Input.OptionalText(variant, "variant", 16);
        status = Input.Known(status, "status");
        var all = (await ILobbyGrain.ListAll(grains))
            .Where(t => filter is null || string.Equals(t.Variant, filter, StringComparison.OrdinalIgnoreCase))
            .Where(t => status is null || t.Status == status)
            .ToList();
        return new PageResponse<TableSummary>(all.Skip(skip).Take(size).ToList(), p, size, all.Count);
    }

    private static async Task<HandSummary> Hand(string tableId, long handNo, ClaimsPrincipal user, IGrainFactory grains)
    {
        var hand = await grains.GetGrain<IHandArchiveGrain>(0).GetHand(Input.TableId(tableId), Input.HandNo(handNo))
            ?? throw PokerException.NotFound($"Hand {handNo} of table {tableId}");
        // Only the hand's players (their own copy, see AsSeenBy) and admins may read a hand history.
        if (!user.IsAdmin() && !hand.PlayerIds.Contains(user.GetPlayerId()))
        {
            throw PokerException.Forbidden("Only the players of this hand can read its history");
        }

        return hand;
    }

    /// <summary>
    /// The stored PHH (every card dealt) for an admin; for a player of the hand, their copy: hole cards they did not
    /// see (folded, mucked, discarded by others) are PHH's unknown card.
    /// </summary>
    private static string AsSeenBy(ClaimsPrincipal user, HandSummary hand, string phh) =>
        user.IsAdmin() ? phh : PhhExport.ForPlayer(phh, hand.PlayerIds.ToList().IndexOf(user.GetPlayerId()));

    private static ITableGrain Table(string tableId, IGrainFactory grains) => grains.GetGrain<ITableGrain>(Input.TableId(tableId));
}
