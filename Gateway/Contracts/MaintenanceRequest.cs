namespace Orleans.Poker.Gateway.Contracts;

/// <summary>Turns the room's maintenance on or off, with an optional note for players (at most 200 characters).</summary>
public sealed record MaintenanceRequest(bool? On, string? Message);
