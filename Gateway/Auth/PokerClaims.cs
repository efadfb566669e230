using System.Globalization;
using System.Security.Claims;
using Orleans.Poker.Grains.Interfaces.Common;

namespace Orleans.Poker.Gateway.Auth;

/// <summary>Claim names in access tokens and helpers to read the player from the principal (never from a payload).</summary>
public static class PokerClaims
{
    public const string PlayerId = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string Guest = "guest";
    public const string AdminRole = "admin";
    public const string AdminPolicy = "admin";

    /// <summary>The authenticated player's id; throws 401 when the principal carries none.</summary>
    public static long GetPlayerId(this ClaimsPrincipal user) =>
        user.FindFirst(PlayerId)?.Value is { } value && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var id)
            ? id
            : throw new PokerException("unauthenticated", "Sign in first", 401);

    /// <summary>The display name in the token.</summary>
    public static string GetDisplayName(this ClaimsPrincipal user) => user.FindFirst(Name)?.Value ?? $"Player {user.GetPlayerId()}";

    public static bool IsAdmin(this ClaimsPrincipal user) => user.HasClaim(Role, AdminRole);
}
