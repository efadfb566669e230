namespace Orleans.Poker.Gateway.Contracts;

/// <summary>New display name (1..32 characters) and/or language (<c>en</c> or <c>fa</c>); null keeps the current one.</summary>
public sealed record ProfileUpdateRequest(string? DisplayName, string? Language);
