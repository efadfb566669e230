using System.Security.Cryptography;
using Orleans.Poker.Gateway.Auth;
using Orleans.Poker.Gateway.Contracts;
using Orleans.Poker.Gateway.Errors;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.ServiceDefaults.Configuration;

namespace Orleans.Poker.Gateway.Api;

/// <summary><c>/api/auth</c>: Telegram and guest sign-in, refresh (rotation) and logout (revocation).</summary>
public static class AuthEndpoints
{
    /// <summary>Guests get ids from 9e15 up to 9.0003e15: above any Telegram user id, below the robots' (RobotStrategy.RobotIdBase).</summary>
    public const long GuestIdBase = 9_000_000_000_000_000;

    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth").AllowAnonymous().RequireRateLimiting(GatewayServices.AuthRateLimit);

        auth.MapPost("/telegram", async (TelegramSignInRequest request, TelegramInitDataValidator validator, IGrainFactory grains, TokenService tokens, ILoggerFactory logs) =>
        {
            var user = validator.Validate(request.InitData);
            var language = user.LanguageCode is { } code && code.StartsWith("fa", StringComparison.OrdinalIgnoreCase) ? "fa" : "en";
            var player = await grains.GetGrain<IPlayerGrain>(user.Id).Register(new PlayerProfile
            {
                PlayerId = user.Id,
                TelegramId = user.Id,
                DisplayName = user.DisplayName(),
                Username = user.Username is { Length: <= 64 } name ? name : null,
                Language = language,
            });
            logs.CreateLogger(typeof(AuthEndpoints)).LogInformation("Player {PlayerId} signed in with Telegram", user.Id);
            return Results.Ok(await tokens.Issue(player));
        }).WithSummary("Sign in with Telegram Mini App initData");

        auth.MapPost("/guest", async (GuestSignInRequest request, PokerOptions options, IGrainFactory grains, TokenService tokens, ILoggerFactory logs) =>
        {
            if (!GuestSignInEnabled(options))
            {
                throw new PokerException("guest_disabled", "Guest sign-in is off on this server: open the Telegram mini-app", 403);
            }

            var name = Input.Text(request.Name, "name", 32);
            var id = GuestIdBase + RandomNumberGenerator.GetInt32(1, int.MaxValue) * 100L + RandomNumberGenerator.GetInt32(0, 100);
            var player = await grains.GetGrain<IPlayerGrain>(id).Register(new PlayerProfile { PlayerId = id, DisplayName = name, IsGuest = true });
            logs.CreateLogger(typeof(AuthEndpoints)).LogInformation("Guest {PlayerId} signed in as {Name}", id, name);
            return Results.Ok(await tokens.Issue(player));
        }).WithSummary("Sign in as a guest (embedded default and Development only)");

        auth.MapPost("/refresh", async (RefreshRequest request, IGrainFactory grains, TokenService tokens) =>
            Results.Ok(await tokens.Refresh(request.RefreshToken, playerId => grains.GetGrain<IPlayerGrain>(playerId).Get())))
            .WithSummary("Rotate a refresh token: a new access token and refresh token; the old one is revoked, and presenting a used one revokes every token rotated from it");

        auth.MapPost("/logout", async (RefreshRequest request, TokenService tokens) =>
        {
            await tokens.Revoke(request.RefreshToken);
            return Results.NoContent();
        }).WithSummary("Revoke a refresh token");

        auth.MapGet("/config", (PokerOptions options) => Results.Ok(new { guestSignIn = GuestSignInEnabled(options), telegram = !string.IsNullOrWhiteSpace(options.Auth.BotToken) }))
            .WithSummary("Which sign-in methods this server offers");
        return api;
    }

    /// <summary>On by default outside production; production only when explicitly enabled.</summary>
    public static bool GuestSignInEnabled(PokerOptions options) => options.Auth.GuestSignIn ?? !options.IsProduction;
}
