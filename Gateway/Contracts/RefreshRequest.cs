namespace Orleans.Poker.Gateway.Contracts;

/// <summary>A refresh token to rotate (refresh) or revoke (logout).</summary>
public sealed record RefreshRequest(string? RefreshToken);
