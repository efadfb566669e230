using System.Globalization;
using System.Security.Claims;
using Orleans.Poker.Gateway.Auth;
using Orleans.Poker.Gateway.Contracts;
using Orleans.Poker.Gateway.Errors;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Gateway.Api;

/// <summary>
/// <c>/api/tables/{tableId}/host</c>: the controls of a table's host (its creator): settings, pause, resume, kick,
/// next hand's blinds and turn time, close. The table refuses anyone else (403); each action is in the audit log
/// under the host's id.
/// </summary>
public static class HostEndpoints
{
    /// <summary>The longest turn time a request may name (the table's limits are narrower).</summary>
    private const int MaxTurnTimeSeconds = 3600;

    public static RouteGroupBuilder MapHostEndpoints(this RouteGroupBuilder api)
    {
        var host = api.MapGroup("/tables/{tableId}/host").WithTags("Host").RequireAuthorization();

        host.MapGet("", (string tableId, ClaimsPrincipal user, IGrainFactory grains) => Table(tableId, grains).GetHostSettings(user.GetPlayerId()))
            .WithSummary("The host's settings: those in play, the next hand's and the limits of a change");

        host.MapPost("/pause", (string tableId, ClaimsPrincipal user, IGrainFactory grains, Audit audit) => Pause(tableId, true, user, grains, audit))
            .WithSummary("Pause the table: the hand in play finishes, no new one starts");
        host.MapPost("/resume", (string tableId, ClaimsPrincipal user, IGrainFactory grains, Audit audit) => Pause(tableId, false, user, grains, audit))
            .WithSummary("Resume a paused table");

        host.MapPost("/kick", async (string tableId, HostKickRequest request, ClaimsPrincipal user, IGrainFactory grains, Audit audit) =>
        {
            var playerId = Input.PlayerId(request.PlayerId);
            var cashedOut = await Table(tableId, grains).HostKick(user.GetPlayerId(), playerId);
            await audit.Write(user, "host.kick", tableId, $"player {playerId.ToString(CultureInfo.InvariantCulture)}");
            return new ChipsResponse(cashedOut);
        }).WithSummary("Remove a player, cashing them out (after the hand if they are in it; 0 chips answered then)");

        host.MapPost("/settings", async (string tableId, HostSettingsRequest request, ClaimsPrincipal user, IGrainFactory grains, Audit audit) =>
        {
            if (request.BigBlind is null && request.TurnTimeSeconds is null)
            {
                throw Input.Invalid("bigBlind", "or turnTimeSeconds must be given");
            }

            var bigBlind = request.BigBlind is { } b ? Input.Chips(b, "bigBlind") : (long?)null;
            var turnTime = request.TurnTimeSeconds is { } s
                ? (s is >= 1 and <= MaxTurnTimeSeconds ? TimeSpan.FromSeconds(s) : throw Input.Invalid("turnTimeSeconds", $"must be between 1 and {MaxTurnTimeSeconds}"))
                : (TimeSpan?)null;
            var settings = await Table(tableId, grains).HostChangeSettings(user.GetPlayerId(), bigBlind, turnTime);
            await audit.Write(user, "host.settings", tableId, settings.Next is { } next
                ? string.Create(CultureInfo.InvariantCulture, $"next hand: blinds {next.SmallBlind}/{next.BigBlind}, {next.TurnTime.TotalSeconds:0} s to act")
                : "next hand: unchanged");
            return settings;
        }).WithSummary("Change the blinds (big blind) and/or the turn time from the next hand, within the template's limits");

        host.MapPost("/close", async (string tableId, ClaimsPrincipal user, IGrainFactory grains, Audit audit) =>
        {
            await Table(tableId, grains).HostClose(user.GetPlayerId());
            await audit.Write(user, "host.close", tableId, null);
            return Results.NoContent();
        }).WithSummary("Close the table after the hand in play, cashing everyone out");
        return api;
    }

    private static async Task<IResult> Pause(string tableId, bool paused, ClaimsPrincipal user, IGrainFactory grains, Audit audit)
    {
        await Table(tableId, grains).HostPause(user.GetPlayerId(), paused);
        await audit.Write(user, paused ? "host.pause" : "host.resume", tableId, null);
        return Results.NoContent();
    }

    private static ITableGrain Table(string tableId, IGrainFactory grains) => grains.GetGrain<ITableGrain>(Input.TableId(tableId));
}
