using Orleans.Poker.Grains.Interfaces.Chat;
using Orleans.Poker.Grains.Interfaces.Common;

namespace Orleans.Poker.Grains.Chat;

/// <summary>
/// What a table chat accepts: plain text of 1..<see cref="MaxLength"/> characters after trimming with no control or
/// direction-override characters, or one of the fixed <see cref="ChatEmotes"/> by its code; and how much of it is kept.
/// </summary>
public static class ChatRules
{
    /// <summary>Longest message, in UTF-16 characters after trimming.</summary>
    public const int MaxLength = 200;

    /// <summary>Messages a table keeps (older ones are dropped).</summary>
    public const int Kept = 50;

    /// <summary>Messages one player may post to one table within <see cref="RateWindow"/>.</summary>
    public const int RateLimit = 5;

    public static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(10);

    /// <summary>Request ids remembered per player (<see cref="ITableChatGrain.Post(long, string?, string?, string?)"/>).</summary>
    public const int RequestsKept = 16;

    /// <summary>How long a request id is remembered: a client retries within seconds, a player pressing send again within minutes.</summary>
    public static readonly TimeSpan RequestsKeptFor = TimeSpan.FromHours(1);

    /// <summary>
    /// The line to store for a text or an emote (exactly one of them); throws <c>invalid_chat</c> for anything else.
    /// </summary>
    public static (string Text, string? Emote) Compose(string? text, string? emote)
    {
        if (emote is not null)
        {
            if (text is not null)
            {
                throw Invalid("Send either a text or an emote, not both");
            }

            return ChatEmotes.All.TryGetValue(emote, out var symbol)
                ? (symbol, emote)
                : throw Invalid($"Unknown emote; the emotes are {string.Join(", ", ChatEmotes.All.Keys)}");
        }

        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || Text.Invisible(trimmed))
        {
            throw Invalid("The message is empty");
        }

        if (trimmed.Length > MaxLength)
        {
            throw Invalid($"A message has at most {MaxLength} characters");
        }

        if (!IsPlain(trimmed))
        {
            throw Invalid("A message may not contain control characters, direction overrides or broken characters");
        }

        return (trimmed, null);
    }

    // Control characters (line breaks included), bidirectional overrides/isolates that would reorder the lines
    // around the message, and unpaired surrogates. Joiners (Persian's ZWNJ) stay allowed.
    private static bool IsPlain(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (Text.IsLayoutControl(c))
            {
                return false;
            }

            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    private static PokerException Invalid(string message) => new("invalid_chat", message);
}
