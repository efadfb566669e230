using Orleans.Poker.Grains.Interfaces.Chat;

namespace Orleans.Poker.Grains.Chat;

/// <summary>A line a player posted under their own request id, and the answer a repeat of that id gets.</summary>
[GenerateSerializer, Immutable, Alias("poker.chat-request.v1")]
public sealed record ChatRequest(
    [property: Id(0)] string RequestId,
    [property: Id(1)] ChatMessage Answer);
