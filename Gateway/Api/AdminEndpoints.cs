using System.Security.Claims;
using Orleans.Poker.Gateway.Auth;
using Orleans.Poker.Gateway.Contracts;
using Orleans.Poker.Gateway.Dashboard;
using Orleans.Poker.Gateway.Errors;
using Orleans.Poker.Grains.Interfaces.Lobby;
using Orleans.Poker.Grains.Interfaces.Admin;
using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Hands;
using Orleans.Poker.Grains.Interfaces.Operations;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.ServiceDefaults.Configuration;

namespace Orleans.Poker.Gateway.Api;

/// <summary><c>/api/admin</c>: live tables, close/pause/kick, player search, pages, bans and balance adjustments, the audit log, the operations figures, analytics and insights. Admin role only.</summary>
public static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdminEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin").WithTags("Admin").RequireAuthorization(Auth.PokerClaims.AdminPolicy);

        admin.MapGet("/tables", async (int? page, int? pageSize, IGrainFactory grains) =>
        {
            var (p, size, skip) = Input.Page(page, pageSize);
            var listed = await ILobbyGrain.ListAll(grains, includePrivate: true);
            var live = await Task.WhenAll(listed.Skip(skip).Take(size).Select(t => grains.GetGrain<ITableGrain>(t.TableId).GetSummary()));
            return new PageResponse<TableSummary>(live, p, size, listed.Count);
        }).WithSummary("Every open table, private ones too, with its live status");

        admin.MapPost("/tables/{tableId}/close", async (string tableId, ReasonRequest request, ClaimsPrincipal user, IGrainFactory grains, Audit audit) =>
        {
            var reason = Input.Text(request.Reason, "reason", 200);
            var table = grains.GetGrain<ITableGrain>(Input.TableId(tableId));
            await audit.Run(user.GetPlayerId(), "table.close", tableId, reason, () => table.Close(reason));
            return Results.NoContent();
        }).WithSummary("Close a table after the current hand");

        admin.MapPost("/tables/{tableId}/pause", (string tableId, ClaimsPrincipal user, IGrainFactory grains, Audit audit) => Pause(tableId, true, user, grains, audit))
            .WithSummary("Pause a table (no new hands)");
        admin.MapPost("/tables/{tableId}/resume", (string tableId, ClaimsPrincipal user, IGrainFactory grains, Audit audit) => Pause(tableId, false, user, grains, audit))
            .WithSummary("Resume a paused table");

        admin.MapPost("/tables/{tableId}/kick", async (string tableId, KickRequest request, ClaimsPrincipal user, IGrainFactory grains, Audit audit) =>
        {
            var playerId = Input.PlayerId(request.PlayerId);
            var reason = Input.OptionalText(request.Reason, "reason", 200);
            var table = grains.GetGrain<ITableGrain>(Input.TableId(tableId));
            await audit.Run(user.GetPlayerId(), "table.kick", tableId, $"player {playerId}: {reason}", () => table.Kick(playerId));
            return Results.NoContent();
        }).WithSummary("Remove a player from a table (cashing them out)");

        admin.MapPost("/players/{playerId:long}/adjust", async (long playerId, BalanceAdjustRequest request, ClaimsPrincipal user, IGrainFactory grains, Audit audit) =>
        {
            var amount = Input.Adjustment(request.Amount);
            var reason = Input.Text(request.Reason, "reason", 200);
            var transferId = Input.RequestId(request.RequestId) is { } requestId ? $"admin:{playerId}:{requestId}" : $"admin:{Guid.NewGuid():N}";
            var player = grains.GetGrain<IPlayerGrain>(Input.PlayerId(playerId));
            await player.Get();
            var balance = await audit.Run(user.GetPlayerId(), "player.adjust", playerId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{amount:+#;-#;0}: {reason}" + (request.RequestId is { } id ? $" (request {id})" : ""),
                () => player.AdminAdjust(transferId, amount, user.GetPlayerId(), reason));
            return new ChipsResponse(balance);
        }).WithSummary("Adjust a balance (ledger entry + audit)");

        admin.MapGet("/players", (string? q, IGrainFactory grains) =>
                grains.GetGrain<IPlayerSearchGrain>(0).Search(q ?? throw Input.Invalid("q", "is required")))
            .WithSummary($"Players whose display name or username contains q (any case), or whose Telegram id is q; at most {IPlayerSearchGrain.MaxResults}");

        admin.MapGet("/players/{playerId:long}", async (long playerId, IGrainFactory grains, Auth.TokenService tokens) =>
        {
            var player = grains.GetGrain<IPlayerGrain>(Input.PlayerId(playerId));
            var summary = await player.Get();
            return new AdminPlayerResponse(summary.Profile, summary.Balance, summary.Stats, summary.Tables, await player.GetBan(), tokens.IsAdmin(summary.Profile));
        }).WithSummary("A player's profile, balance, statistics, tables and ban");

        admin.MapGet("/players/{playerId:long}/hands", async (long playerId, int? page, int? pageSize, IGrainFactory grains) =>
        {
            var (p, size, skip) = Input.Page(page, pageSize);
            await grains.GetGrain<IPlayerGrain>(Input.PlayerId(playerId)).Get();
            return new PageResponse<HandSummary>(await grains.GetGrain<IHandArchiveGrain>(0).GetPlayerHands(playerId, skip, size), p, size);
        }).WithSummary("Hands the player was dealt into, newest first (as GET /api/players/me/hands)");

        admin.MapPost("/players/{playerId:long}/ban", async (long playerId, ReasonRequest request, ClaimsPrincipal user, IGrainFactory grains, Auth.TokenService tokens, Audit audit) =>
        {
            var reason = PlayerBan.CheckReason(request.Reason) ?? throw Input.TextInvalid("reason", PlayerBan.MaxReasonLength);
            var player = grains.GetGrain<IPlayerGrain>(Input.PlayerId(playerId));
            if (tokens.IsAdmin((await player.Get()).Profile))
            {
                throw PokerException.Forbidden("Admins cannot be banned.");
            }

            return await audit.Run(user.GetPlayerId(), "player.ban", playerId.ToString(System.Globalization.CultureInfo.InvariantCulture), reason,
                () => player.Ban(user.GetPlayerId(), reason));
        }).WithSummary("Ban a player (audited): they cannot sign in or play, their hub connections close, and they are stood up and cashed out of every table");

        admin.MapPost("/players/{playerId:long}/unban", async (long playerId, ReasonRequest request, ClaimsPrincipal user, IGrainFactory grains, Audit audit) =>
        {
            var reason = PlayerBan.CheckReason(request.Reason) ?? throw Input.TextInvalid("reason", PlayerBan.MaxReasonLength);
            var player = grains.GetGrain<IPlayerGrain>(Input.PlayerId(playerId));
            await player.Get();
            await audit.Run(user.GetPlayerId(), "player.unban", playerId.ToString(System.Globalization.CultureInfo.InvariantCulture), reason,
                () => player.Unban(user.GetPlayerId(), reason));
            return Results.NoContent();
        }).WithSummary("Lift a player's ban (audited)");

        admin.MapGet("/players/{playerId:long}/results", async (long playerId, IGrainFactory grains) =>
            {
                // An unknown player is a 404, as on the player's other routes (not an empty page).
                await grains.GetGrain<IPlayerGrain>(Input.PlayerId(playerId)).Get();
                return await grains.GetGrain<IPlayerResultsGrain>(0).Player(playerId);
            })
            .WithSummary("Any player's page (as GET /api/players/me/results)");

        admin.MapGet("/operations", async (IGrainFactory grains, PokerOptions options, IServiceProvider services) =>
        {
            var report = await grains.GetGrain<IOperationsGrain>(IOperationsGrain.Key).Report();
            return new OperationsResponse(report.At, report.Window.TotalSeconds, DashboardAccess.Served(services, options), report.Processes);
        }).WithSummary("The last hour of every silo, gateway and bot: samples of connections, actions, latency, errors and bot updates");

        admin.MapGet("/audit", async (long? admin, string? action, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize, IGrainFactory grains) =>
        {
            var (p, size, skip) = Input.Page(page, pageSize);
            // admin=0: the operations tooling's entries (its admin id).
            var query = new AuditQuery(admin, Input.OptionalText(action, "action", 64), from, to, skip, size);
            Input.Range(from, to);
            return new PageResponse<AuditEntry>(await grains.GetGrain<IAuditLogGrain>(0).Search(query), p, size);
        }).WithSummary("The audit log, newest first; filtered by admin id, action (e.g. player.adjust) and time (from inclusive, to exclusive)");
        admin.MapGet("/analytics/hourly", (DateTimeOffset from, DateTimeOffset to, string? tableId, IGrainFactory grains) =>
            grains.GetGrain<IAnalyticsGrain>(IAnalyticsGrain.Key).Hourly(from, to, Input.OptionalTableId(tableId)))
            .WithSummary("Hourly statistics per table (hands, players, new players, active minutes, pots, rake) whose hour starts in [from, to)");

        admin.MapGet("/analytics/snapshots", (DateTimeOffset from, DateTimeOffset to, string? tableId, IGrainFactory grains) =>
            grains.GetGrain<IAnalyticsGrain>(IAnalyticsGrain.Key).Snapshots(from, to, Input.OptionalTableId(tableId)))
            .WithSummary("The open tables' snapshots (status, seated, waitlist, hands since the previous one, average and largest pot, rake) taken in [from, to)");

        admin.MapPost("/analytics/hourly/rebuild", async (DateTimeOffset from, DateTimeOffset to, ClaimsPrincipal user, IGrainFactory grains, TimeProvider time, Audit audit) =>
        {
            // Checked before the audit entry, by the analytics' own rule: a bad range is refused (400) and changes nothing, not even the log.
            IAnalyticsGrain.RebuildRange(from, to, time.GetUtcNow());
            var rows = await audit.Run(user.GetPlayerId(), "analytics.rebuild", "hourly", $"{from:O}..{to:O}",
                () => grains.GetGrain<IAnalyticsGrain>(IAnalyticsGrain.Key).Rebuild(from, to));
            return new RebuildResponse(rows);
        }).WithSummary("Recomputes the hourly statistics of whole hours from the stored hands (at most 31 days, not in the future)");

        admin.MapGet("/insights", async (string? severity, string? kind, string? open, int? page, int? pageSize, IGrainFactory grains) =>
        {
            var (p, size, skip) = Input.Page(page, pageSize);
            var query = new InsightQuery(Input.Severity(severity), Input.OptionalText(kind, "kind", 64), Input.Flag(open, "open"), skip, size);
            return new PageResponse<Insight>(await grains.GetGrain<IInsightsGrain>(IInsightsGrain.Key).Search(query), p, size);
        }).WithSummary("The room's insights, newest first; filtered by severity (info, warning, critical), kind (e.g. waitlist_surge) and open (condition still holding)");

        admin.MapPost("/insights/{insightId:long}/acknowledge", async (long insightId, ClaimsPrincipal user, IGrainFactory grains, Audit audit) =>
        {
            return await audit.Run(user.GetPlayerId(), "insight.acknowledge", insightId.ToString(System.Globalization.CultureInfo.InvariantCulture), null,
                () => grains.GetGrain<IInsightsGrain>(IInsightsGrain.Key).Acknowledge(insightId, user.GetPlayerId()));
        }).WithSummary("Acknowledge an insight (audited); the first acknowledgement stays");

        admin.MapGet("/analytics/waits", (DateTimeOffset from, DateTimeOffset to, string? tableId, IGrainFactory grains) =>
            grains.GetGrain<IWaitStatsGrain>(IWaitStatsGrain.Key).Waits(from, to, Input.OptionalTableId(tableId)))
            .WithSummary("How long people wait: the waitlist joins in [from, to) and how they ended, the wait until seated (average, median, p90), the seats taken and their average time, per table and for the room");
        return api;
    }

    private static async Task<IResult> Pause(string tableId, bool paused, ClaimsPrincipal user, IGrainFactory grains, Audit audit)
    {
        var table = grains.GetGrain<ITableGrain>(Input.TableId(tableId));
        await audit.Run(user.GetPlayerId(), paused ? "table.pause" : "table.resume", tableId, null, () => table.SetPaused(paused));
        return Results.NoContent();
    }
}
