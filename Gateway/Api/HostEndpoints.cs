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
            return new ChipsResponse(await Act(tableId, user, grains, audit, "host.kick", $"player {playerId.ToString(CultureInfo.InvariantCulture)}",
                table => table.HostKick(user.GetPlayerId(), playerId), _ => ITableGrain.CheckHostKick(user.GetPlayerId(), playerId)));
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
            return await Act(tableId, user, grains, audit, "host.settings", string.Create(CultureInfo.InvariantCulture,
                    $"next hand: big blind {(bigBlind is { } bb ? bb.ToString(CultureInfo.InvariantCulture) : "unchanged")}, {(turnTime is { } t ? $"{t.TotalSeconds:0} s" : "unchanged")} to act"),
                table => table.HostChangeSettings(user.GetPlayerId(), bigBlind, turnTime),
                settings => settings.Check(bigBlind, turnTime));
        }).WithSummary("Change the blinds (big blind) and/or the turn time from the next hand, within the template's limits");

        host.MapPost("/close", (string tableId, ClaimsPrincipal user, IGrainFactory grains, Audit audit) =>
            Act(tableId, user, grains, audit, "host.close", null, async table =>
            {
                await table.HostClose(user.GetPlayerId());
                return Results.NoContent();
            })).WithSummary("Close the table after the hand in play, cashing everyone out");
        return api;
    }

    private static Task<IResult> Pause(string tableId, bool paused, ClaimsPrincipal user, IGrainFactory grains, Audit audit) =>
        Act(tableId, user, grains, audit, paused ? "host.pause" : "host.resume", null, async table =>
        {
            await table.HostPause(user.GetPlayerId(), paused);
            return Results.NoContent();
        });

    // Only the host's actions within the table's limits reach the audit log: anybody else is refused (403), and a change
    // out of the limits (400, checked by the same rule the table applies), before an entry is written. That needs the
    // settings read first: the action's own call would refuse them only after its entry.
    private static async Task<T> Act<T>(string tableId, ClaimsPrincipal user, IGrainFactory grains, Audit audit, string action, string? details,
        Func<ITableGrain, Task<T>> act, Action<HostSettings>? check = null)
    {
        var table = Table(tableId, grains);
        var settings = await table.GetHostSettings(user.GetPlayerId());
        check?.Invoke(settings);
        return await audit.Run(user.GetPlayerId(), action, tableId, details, () => act(table));
    }

    private static ITableGrain Table(string tableId, IGrainFactory grains) => grains.GetGrain<ITableGrain>(Input.TableId(tableId));
}
