using System.Security.Claims;
using Orleans.Poker.Gateway.Auth;
using Orleans.Poker.Gateway.Contracts;
using Orleans.Poker.Gateway.Errors;
using Orleans.Poker.Grains.Interfaces.Admin;

namespace Orleans.Poker.Gateway.Api;

/// <summary>
/// The room's maintenance switch: <c>GET /api/maintenance</c> for every signed-in client (the lobby's banner),
/// <c>/api/admin/maintenance</c> for admins, and <c>/api/ops/maintenance</c> for the operations tooling with
/// <see cref="OperationsToken"/> (404 when none is configured, 401 with a wrong one). Every switch is audited.
/// </summary>
public static class MaintenanceEndpoints
{
    public static RouteGroupBuilder MapMaintenanceEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/maintenance", async (IGrainFactory grains) => MaintenanceResponse.Of(await Switch(grains).Get()))
            .WithTags("Tables").RequireAuthorization().WithSummary("Whether the room is under maintenance (no new hands), since when, and the note for players");

        var admin = api.MapGroup("/admin/maintenance").WithTags("Admin").RequireAuthorization(PokerClaims.AdminPolicy);
        admin.MapGet("", (IGrainFactory grains) => Switch(grains).Get()).WithSummary("The maintenance switch, with who set it");
        admin.MapPost("", (MaintenanceRequest request, ClaimsPrincipal user, IGrainFactory grains, Audit audit) =>
                Set(request, user.GetPlayerId(), grains, audit))
            .WithSummary("Turn maintenance on (no table starts a new hand, hands in play finish, players are told) or off");

        var ops = api.MapGroup("/ops/maintenance").WithTags("Operations").AllowAnonymous();
        ops.MapGet("", async (HttpRequest http, OperationsToken token, IGrainFactory grains) =>
        {
            Check(http, token);
            return await Switch(grains).Get();
        }).WithSummary("The maintenance switch, for the operations tooling (X-Poker-Operations-Token)");
        ops.MapPost("", (MaintenanceRequest request, HttpRequest http, OperationsToken token, IGrainFactory grains, Audit audit) =>
        {
            Check(http, token);
            return Set(request, 0, grains, audit);
        }).WithSummary("Turn maintenance on or off from the operations tooling (X-Poker-Operations-Token), e.g. before an update");
        return api;
    }

    private static async Task<MaintenanceStatus> Set(MaintenanceRequest request, long by, IGrainFactory grains, Audit audit)
    {
        var on = request.On ?? throw Input.Invalid("on", "must be true or false");
        var message = Input.OptionalText(request.Message, "message", 200);
        return await audit.Run(by, on ? "room.maintenance.on" : "room.maintenance.off", "room", message, () => Switch(grains).Set(on, by, message));
    }

    private static void Check(HttpRequest http, OperationsToken token)
    {
        if (!token.Configured)
        {
            throw Grains.Interfaces.Common.PokerException.NotFound("The operations routes (POKER__Auth__OperationsToken is not set)");
        }

        if (!token.Accepts(http.Headers[OperationsToken.Header].FirstOrDefault()))
        {
            throw new Grains.Interfaces.Common.PokerException("unauthenticated", $"The {OperationsToken.Header} header does not carry the operations token", 401);
        }
    }

    private static IMaintenanceGrain Switch(IGrainFactory grains) => grains.GetGrain<IMaintenanceGrain>(IMaintenanceGrain.Key);
}
