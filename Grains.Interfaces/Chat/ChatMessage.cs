namespace Orleans.Poker.Grains.Interfaces.Chat;

/// <summary>
/// One line of a table's chat. <see cref="Text"/> is plain text (clients never render it as markup): what the player
/// wrote, or the emote's symbol when <see cref="Emote"/> names one of the fixed emotes. A deleted message keeps its
/// place with an empty text.
/// </summary>
[GenerateSerializer, Immutable, Alias("poker.chat-message.v1")]
public sealed record ChatMessage(
    [property: Id(0)] long Id,
    [property: Id(1)] long PlayerId,
    [property: Id(2)] string DisplayName,
    [property: Id(3)] string Text,
    [property: Id(4)] string? Emote,
    [property: Id(5)] DateTimeOffset SentAt,
    [property: Id(6)] bool Deleted);
