using System.Security.Claims;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Players;

namespace Orleans.Poker.Gateway.Auth;

/// <summary>
/// Refuses banned players. The ban lives in the player grain, so every gateway sees it at once: sign-in and refresh and
/// every authenticated request (tokens issued before the ban included) ask it; open hub connections are closed by the
/// ban's notice (<see cref="BanWatch"/>) and ask it once per renewal interval (<see cref="Hubs.HubGuardFilter"/>).
/// </summary>
public static class Bans
{
    /// <summary>Throws the 403 <c>banned</c> refusal when <paramref name="playerId"/> is banned.</summary>
    public static async Task RefuseBanned(this IGrainFactory grains, long playerId)
    {
        if (await grains.GetGrain<IPlayerGrain>(playerId).GetBan() is { } ban)
        {
            throw new PokerException(PlayerBan.Code, $"This account is banned: {ban.Reason}", 403);
        }
    }

    /// <summary>Middleware after authentication: an authenticated request of a banned player gets the 403 problem.</summary>
    public static IApplicationBuilder UseBanCheck(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (PlayerOf(context.User) is { } playerId)
        {
            await context.RequestServices.GetRequiredService<IGrainFactory>().RefuseBanned(playerId);
        }

        await next(context);
    });

    /// <summary>The authenticated player's id, or null for an anonymous principal.</summary>
    public static long? PlayerOf(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true && user.FindFirst(PokerClaims.PlayerId) is not null ? user.GetPlayerId() : null;
}
