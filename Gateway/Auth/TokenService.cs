using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Orleans.Poker.Gateway.Contracts;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Sessions;
using Orleans.Poker.ServiceDefaults.Configuration;

namespace Orleans.Poker.Gateway.Auth;

/// <summary>Issues access tokens (JWT) and refresh tokens (one <see cref="ISessionGrain"/> each), rotates and revokes them.</summary>
public sealed class TokenService(IGrainFactory grains, JwtKeyProvider key, PokerOptions options, TimeProvider time)
{
    private readonly JsonWebTokenHandler handler = new();
    private readonly IReadOnlySet<long> admins = options.Auth.AdminIds();

    /// <summary>Signs in a registered player: a new access token and a new refresh session.</summary>
    public async Task<AuthResponse> Issue(PlayerSummary player)
    {
        var now = time.GetUtcNow();
        var refresh = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var session = new SessionInfo(player.Profile.PlayerId, player.Profile.IsGuest, now + options.Auth.RefreshTokenLifetime);
        await grains.GetGrain<ISessionGrain>(SessionKey(refresh)).Start(session);
        var expires = now + options.Auth.AccessTokenLifetime;
        var claims = new Dictionary<string, object>
        {
            [PokerClaims.PlayerId] = player.Profile.PlayerId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [PokerClaims.Name] = player.Profile.DisplayName,
        };
        if (player.Profile.IsGuest)
        {
            claims[PokerClaims.Guest] = "true";
        }

        if (player.Profile.TelegramId is { } telegramId && admins.Contains(telegramId))
        {
            claims[PokerClaims.Role] = PokerClaims.AdminRole;
        }

        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Auth.Issuer,
            Audience = options.Auth.Issuer,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = new SigningCredentials(key.Key, SecurityAlgorithms.HmacSha256),
        });
        return new AuthResponse(token, refresh, expires, player, claims.ContainsKey(PokerClaims.Role));
    }

    /// <summary>Redeems a refresh token (revoking it) and returns its session; throws 401 when it is unknown, used or expired.</summary>
    public async Task<SessionInfo> Redeem(string? refreshToken)
    {
        var session = IsWellFormed(refreshToken) ? await grains.GetGrain<ISessionGrain>(SessionKey(refreshToken!)).Redeem() : null;
        return session ?? throw new PokerException("invalid_refresh_token", "The refresh token is unknown, used or expired: sign in again", 401);
    }

    /// <summary>Revokes a refresh token (logout); unknown tokens are ignored.</summary>
    public Task Revoke(string? refreshToken) =>
        IsWellFormed(refreshToken) ? grains.GetGrain<ISessionGrain>(SessionKey(refreshToken!)).Revoke() : Task.CompletedTask;

    /// <summary>Validation parameters for the JWT bearer handler.</summary>
    public static TokenValidationParameters ValidationParameters(PokerOptions options, JwtKeyProvider key) => new()
    {
        ValidIssuer = options.Auth.Issuer,
        ValidAudience = options.Auth.Issuer,
        IssuerSigningKey = key.Key,
        ValidateIssuerSigningKey = true,
        ValidateLifetime = true,
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = PokerClaims.Name,
        RoleClaimType = PokerClaims.Role,
    };

    private static bool IsWellFormed(string? token) => token is { Length: > 20 and < 100 };

    private static string SessionKey(string refreshToken) =>
        Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(refreshToken)));
}
