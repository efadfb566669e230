namespace Orleans.Poker.Gateway.Contracts;

/// <summary>
/// A chat line: a text (up to 200 characters) or one of the fixed emotes by its code, not both; and the client's own id
/// of the line (optional, 1..64 letters, digits, '-' or '_'), which makes sending it again safe: a repeat is answered
/// with the line first posted.
/// </summary>
public sealed record ChatPostRequest(string? Text, string? Emote, string? RequestId = null);
