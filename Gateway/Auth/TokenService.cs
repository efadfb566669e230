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

/// <summary>
/// Issues access tokens (JWT) and refresh tokens, rotates and revokes them. Each refresh token is one
/// <see cref="ISessionGrain"/> keyed by the token's hash; tokens form rotation families (<see cref="RefreshToken"/>).
/// Presenting a token that was already used (or revoked, or expired) revokes its whole family: every token rotated
/// from it, so a stolen token that either the thief or the owner used again is worthless to both. State lives in
/// grains, so every gateway sees the same families.
/// </summary>
public sealed partial class TokenService(IGrainFactory grains, JwtKeyProvider key, PokerOptions options, TimeProvider time, ILogger<TokenService> logger)
{
    /// <summary>Held in place of a session: a generation nobody may be issued any more (already expired).</summary>
    private static readonly SessionInfo Tombstone = new(0, false, DateTimeOffset.UnixEpoch);

    private readonly JsonWebTokenHandler handler = new();
    private readonly IReadOnlySet<long> admins = options.Auth.AdminIds();

    /// <summary>Signs in a registered player: a new access token and the first refresh token of a new family.</summary>
    public Task<AuthResponse> Issue(PlayerSummary player) => Issue(player, RefreshToken.NewFamily());

    /// <summary>
    /// Rotates a refresh token: redeems it and issues its family's next generation for the player
    /// <paramref name="load"/> returns. A token that is unknown, used, revoked or expired gets 401, and when it is
    /// genuine its whole family is revoked (reuse detection).
    /// </summary>
    public async Task<AuthResponse> Refresh(string? refreshToken, Func<long, Task<PlayerSummary>> load)
    {
        if (Decode(refreshToken) is not { } decoded)
        {
            throw InvalidRefreshToken();
        }

        var (presented, issuedWith) = decoded;

        // The session is the token as it was issued, under whichever key of the ring issued it.
        var session = await Session(presented.Encode(issuedWith)).Redeem();
        if (session is null)
        {
            await RevokeFamily(presented);
            throw InvalidRefreshToken();
        }

        if (presented.Generation >= RefreshToken.MaxGeneration)
        {
            throw InvalidRefreshToken();
        }

        return await Issue(await load(session.PlayerId), presented.Next());
    }

    /// <summary>Revokes a refresh token (logout); unknown tokens are ignored.</summary>
    public Task Revoke(string? refreshToken) =>
        Decode(refreshToken) is { } decoded ? Session(decoded.Token.Encode(decoded.Key)).Revoke() : Task.CompletedTask;

    /// <summary>True for a player whose Telegram id is one of the configured admins'.</summary>
    public bool IsAdmin(PlayerProfile profile) => profile.TelegramId is { } telegramId && admins.Contains(telegramId);

    /// <summary>Validation parameters for the JWT bearer handler.</summary>
    public static TokenValidationParameters ValidationParameters(PokerOptions options, JwtKeyProvider key) => new()
    {
        ValidIssuer = options.Auth.Issuer,
        ValidAudience = options.Auth.Issuer,
        IssuerSigningKeys = key.VerificationKeys,
        ValidateIssuerSigningKey = true,
        ValidateLifetime = true,
        ClockSkew = TimeSpan.FromSeconds(30),
        NameClaimType = PokerClaims.Name,
        RoleClaimType = PokerClaims.Role,
    };

    /// <summary>A new access token and the refresh token <paramref name="refresh"/> (whose session starts now).</summary>
    private async Task<AuthResponse> Issue(PlayerSummary player, RefreshToken refresh)
    {
        await grains.RefuseBanned(player.Profile.PlayerId);
        var now = time.GetUtcNow();
        var text = refresh.Encode(key.RefreshKey);
        try
        {
            await Session(text).Start(new SessionInfo(player.Profile.PlayerId, player.Profile.IsGuest, now + options.Auth.RefreshTokenLifetime));
        }
        catch (PokerException ex) when (ex.Code == SessionExists)
        {
            // The family was revoked while this rotation ran: the generation is held by a tombstone.
            throw InvalidRefreshToken();
        }

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

        if (IsAdmin(player.Profile))
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
        return new AuthResponse(token, text, expires, player, claims.ContainsKey(PokerClaims.Role));
    }

    /// <summary>
    /// Revokes every generation after <paramref name="presented"/>: each existing one is revoked (only the newest can
    /// still be live) and the first never issued gets a tombstone, so a rotation racing with this one cannot issue it
    /// either. A family marker makes repeated presentations of a revoked family's tokens cheap.
    /// </summary>
    private async Task RevokeFamily(RefreshToken presented)
    {
        if (!await TryStartTombstone(grains.GetGrain<ISessionGrain>(FamilyMarkerPrefix + presented.Family)))
        {
            return;
        }

        var revoked = 0;
        for (var next = presented.Next(); next.Generation <= RefreshToken.MaxGeneration + 1; next = next.Next())
        {
            // A generation may have been issued under any key of the ring (a rotation happened in the family's life).
            var issued = false;
            foreach (var refreshKey in key.RefreshKeys)
            {
                var session = Session(next.Encode(refreshKey));
                if (!await TryStartTombstone(session))
                {
                    await session.Revoke();
                    revoked++;
                    issued = true;
                }
            }

            if (!issued)
            {
                break;
            }
        }

        LogFamilyRevoked(logger, presented.LogId, presented.Generation, revoked);
    }

    /// <summary>Starts a tombstone session; false when the key already holds a session (issued, used or a tombstone).</summary>
    private static async Task<bool> TryStartTombstone(ISessionGrain session)
    {
        try
        {
            await session.Start(Tombstone);
            return true;
        }
        catch (PokerException ex) when (ex.Code == SessionExists)
        {
            return false;
        }
    }

    /// <summary>A refresh token authenticated by a key of the ring, and that key; null when none made it.</summary>
    private (RefreshToken Token, byte[] Key)? Decode(string? refreshToken)
    {
        foreach (var refreshKey in key.RefreshKeys)
        {
            if (RefreshToken.Decode(refreshToken, refreshKey) is { } token)
            {
                return (token, refreshKey);
            }
        }

        return null;
    }

    /// <summary>Sessions are keyed by the token's SHA-256, so the token itself is never stored.</summary>
    private ISessionGrain Session(string refreshToken) =>
        grains.GetGrain<ISessionGrain>(Convert.ToHexStringLower(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(refreshToken))));

    private static PokerException InvalidRefreshToken() =>
        new("invalid_refresh_token", "The refresh token is unknown, used or expired: sign in again", 401);

    /// <summary>The code <see cref="ISessionGrain.Start"/> throws for a key in use.</summary>
    private const string SessionExists = "session_exists";

    /// <summary>Key prefix of a family's revocation marker (session keys are 64 hex digits, so never collide).</summary>
    private const string FamilyMarkerPrefix = "refresh-family:";

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refresh token reuse: generation {Generation} of family {Family} was presented again; the family is revoked ({Revoked} later generations)")]
    private static partial void LogFamilyRevoked(ILogger logger, string family, int generation, int revoked);
}
