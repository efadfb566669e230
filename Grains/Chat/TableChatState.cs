using Orleans.Poker.Grains.Interfaces.Chat;

namespace Orleans.Poker.Grains.Chat;

/// <summary>The persisted state of a <see cref="TableChatGrain"/>: the kept messages, oldest first.</summary>
[GenerateSerializer, Alias("poker.table-chat-state.v1")]
public sealed class TableChatState
{
    [Id(0)] public List<ChatMessage> Messages { get; set; } = [];

    /// <summary>The id of the last message posted (ids keep counting after old messages are dropped).</summary>
    [Id(1)] public long LastId { get; set; }

    /// <summary>Per player, the request ids of their last lines, oldest first (a repeat gets the first answer).</summary>
    [Id(2)] public Dictionary<long, List<ChatRequest>> Requests { get; set; } = [];
}
