using Orleans.Poker.Grains.Interfaces.Players;

namespace Orleans.Poker.Gateway.Contracts;

/// <summary>A signed-in session: a short-lived access token (JWT), a one-time refresh token and the player.</summary>
public sealed record AuthResponse(string AccessToken, string RefreshToken, DateTimeOffset ExpiresAt, PlayerSummary Player, bool IsAdmin);
