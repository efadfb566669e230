namespace Orleans.Poker.Grains.Interfaces.Chat;

/// <summary>A player an admin muted in every table's chat: by whom, when and why.</summary>
[GenerateSerializer, Immutable, Alias("poker.chat-mute.v1")]
public sealed record ChatMute(
    [property: Id(0)] long PlayerId,
    [property: Id(1)] long MutedBy,
    [property: Id(2)] string Reason,
    [property: Id(3)] DateTimeOffset At);
