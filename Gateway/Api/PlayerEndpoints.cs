using System.Security.Claims;
using Orleans.Poker.Gateway.Auth;
using Orleans.Poker.Gateway.Contracts;
using Orleans.Poker.Gateway.Errors;
using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Poker.Grains.Interfaces.Hands;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Gateway.Api;

/// <summary><c>/api/players/me</c>: the signed-in player's profile, settings, balance, statistics, results, ledger, hands and tables; <c>/api/leaderboards</c>.</summary>
public static class PlayerEndpoints
{
    public static RouteGroupBuilder MapPlayerEndpoints(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/players/me").WithTags("Players").RequireAuthorization();

        me.MapGet("", (ClaimsPrincipal user, IGrainFactory grains) => Player(user, grains).Get()).WithSummary("Profile, balance, stats and tables");

        me.MapPut("/profile", async (ProfileUpdateRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            var name = Input.OptionalText(request.DisplayName, "displayName", 32);
            var language = Input.Language(request.Language);
            return await Player(user, grains).UpdateProfile(name, language);
        }).WithSummary("Change the display name and/or language");

        me.MapPut("/language", async (ProfileUpdateRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
            await Player(user, grains).UpdateProfile(null, Input.Language(request.Language) ?? throw Input.Invalid("language", "is required")))
            .WithSummary("Change the language (en, fa)");

        me.MapGet("/settings", (ClaimsPrincipal user, IGrainFactory grains) => Player(user, grains).GetSettings())
            .WithSummary("The player's settings (turnPings: the bot's turn pings outside the app)");

        me.MapPut("/settings", async (PlayerSettingsRequest request, ClaimsPrincipal user, IGrainFactory grains) =>
            await Player(user, grains).SetSettings(new PlayerSettings(request.TurnPings ?? throw Input.Invalid("turnPings", "is required (true or false)"))))
            .WithSummary("Change the player's settings: {\"turnPings\": false} stops the bot's turn pings");

        me.MapGet("/stats", async (ClaimsPrincipal user, IGrainFactory grains) => (await Player(user, grains).Get()).Stats).WithSummary("Lifetime statistics");

        me.MapGet("/results", (ClaimsPrincipal user, IGrainFactory grains) => grains.GetGrain<IPlayerResultsGrain>(0).Player(user.GetPlayerId()))
            .WithSummary("The player's page: hands, net, profit over time, sessions, biggest pots won, results per game");

        me.MapGet("/balance", async (ClaimsPrincipal user, IGrainFactory grains) => new ChipsResponse((await Player(user, grains).Get()).Balance))
            .WithSummary("Play-money balance");

        me.MapPost("/top-up", async (ClaimsPrincipal user, IGrainFactory grains) => new ChipsResponse(await Player(user, grains).ClaimTopUp()))
            .WithSummary("Claim the daily play-money top-up");

        me.MapGet("/ledger", async (int? page, int? pageSize, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            var (p, size, skip) = Input.Page(page, pageSize);
            var entries = await Player(user, grains).GetLedger(skip, size);
            return new PageResponse<LedgerEntry>(entries, p, size);
        }).WithSummary("Balance changes, newest first (paged)");

        me.MapGet("/hands", async (int? page, int? pageSize, ClaimsPrincipal user, IGrainFactory grains) =>
        {
            var (p, size, skip) = Input.Page(page, pageSize);
            var hands = await grains.GetGrain<IHandArchiveGrain>(0).GetPlayerHands(user.GetPlayerId(), skip, size);
            return new PageResponse<HandSummary>(hands, p, size);
        }).WithSummary("Hands the player was dealt into, newest first (paged)");

        me.MapGet("/tables", async (ClaimsPrincipal user, IGrainFactory grains) =>
        {
            var summary = await Player(user, grains).Get();
            var tables = await Task.WhenAll(summary.Tables.Select(id => grains.GetGrain<ITableGrain>(id).GetSummary()));
            return tables.ToList();
        }).WithSummary("Tables the player sits at");

        api.MapGet("/leaderboards", (string? period, string? by, int? take, ClaimsPrincipal user, IGrainFactory grains) =>
                grains.GetGrain<IPlayerResultsGrain>(0).Leaderboard(Input.Period(period), Input.RankedBy(by), Input.Take(take), user.GetPlayerId()))
            .WithTags("Players").RequireAuthorization()
            .WithSummary("Top players of the day (UTC), the week (from Monday, UTC) or all time, by profit or hands, and the caller's own rank");
        return api;
    }

    private static IPlayerGrain Player(ClaimsPrincipal user, IGrainFactory grains) => grains.GetGrain<IPlayerGrain>(user.GetPlayerId());
}
