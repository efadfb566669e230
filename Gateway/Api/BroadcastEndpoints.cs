using System.Security.Claims;
using Orleans.Poker.Gateway.Auth;
using Orleans.Poker.Gateway.Contracts;
using Orleans.Poker.Gateway.Errors;
using Orleans.Poker.Grains.Interfaces.Admin;
using Orleans.Poker.Grains.Interfaces.Common;

namespace Orleans.Poker.Gateway.Api;

/// <summary>
/// <c>/api/admin/broadcast</c>: an admin's message to every player who started the bot (sent by the bot front end,
/// within Telegram's limits), its progress, pause, resume and cancel. Admin role only; every change is audited.
/// </summary>
public static class BroadcastEndpoints
{
    public static RouteGroupBuilder MapBroadcastEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin/broadcast").WithTags("Admin").RequireAuthorization(PokerClaims.AdminPolicy);

        admin.MapGet("", async (IGrainFactory grains) => await Grain(grains).Get() is { } current ? Results.Ok(current) : Results.NoContent())
            .WithSummary("The current or last broadcast: status (Running, Paused, Done, Cancelled), counts sent, skipped (unreachable) and failed, started and updated; 204 when there never was one");

        admin.MapPost("", async (BroadcastRequest request, ClaimsPrincipal user, IGrainFactory grains, Audit audit) =>
        {
            // Checked before the audit entry: bad text is refused (400) and changes nothing, not even the log.
            var text = IBroadcastGrain.Normalize(request.Text)
                ?? throw Input.Invalid("text", $"is required: 1..{IBroadcastGrain.MaxTextLength} characters, line breaks and tabs but no other control characters");
            // The broadcast's id comes with the start: the entry, written first, names the room.
            return await audit.Run(user.GetPlayerId(), "broadcast.start", "room", Text.Shorten(text, 200), () => Grain(grains).Start(user.GetPlayerId(), text));
        }).WithSummary($"Start a broadcast of plain text (1..{IBroadcastGrain.MaxTextLength} characters, line breaks allowed) to every player who started the bot; 409 while another runs or is paused");

        admin.MapPost("/pause", (ClaimsPrincipal user, IGrainFactory grains, Audit audit) => Change(user, grains, audit, "broadcast.pause", g => g.SetPaused(true, user.GetPlayerId())))
            .WithSummary("Pause the running broadcast (the page in flight still goes out); 409 when none runs");
        admin.MapPost("/resume", (ClaimsPrincipal user, IGrainFactory grains, Audit audit) => Change(user, grains, audit, "broadcast.resume", g => g.SetPaused(false, user.GetPlayerId())))
            .WithSummary("Resume a paused broadcast from where it stopped; 409 when none is paused or running");
        admin.MapPost("/cancel", (ClaimsPrincipal user, IGrainFactory grains, Audit audit) => Change(user, grains, audit, "broadcast.cancel", g => g.Cancel(user.GetPlayerId())))
            .WithSummary("Cancel the running or paused broadcast (the page in flight still goes out); 409 when there is none");
        return api;
    }

    // The entry, written before the change, names the broadcast as it stood when asked.
    private static async Task<Broadcast> Change(ClaimsPrincipal user, IGrainFactory grains, Audit audit, string action, Func<IBroadcastGrain, Task<Broadcast>> change)
    {
        var current = await Grain(grains).Get();
        return await audit.Run(user.GetPlayerId(), action, current?.Id ?? "room", current is null ? null : $"{current.Sent} sent, {current.Skipped} skipped, {current.Failed} failed",
            () => change(Grain(grains)));
    }

    private static IBroadcastGrain Grain(IGrainFactory grains) => grains.GetGrain<IBroadcastGrain>(IBroadcastGrain.Key);
}
