namespace Orleans.Poker.Gateway.Contracts;

/// <summary>A chat line: a text (up to 200 characters) or one of the fixed emotes by its code, not both.</summary>
public sealed record ChatPostRequest(string? Text, string? Emote);
