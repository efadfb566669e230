namespace Orleans.Poker.Gateway.Contracts;

/// <summary>The player's settings to store: <c>turnPings</c> (required) — whether the bot pings them for a turn at a table they have not open.</summary>
public sealed record PlayerSettingsRequest(bool? TurnPings);
