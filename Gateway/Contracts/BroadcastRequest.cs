namespace Orleans.Poker.Gateway.Contracts;

/// <summary>Starts a broadcast: plain text (no markup) for every player who started the bot, 1..2000 characters, line breaks allowed.</summary>
public sealed record BroadcastRequest(string? Text);
