using Orleans.Concurrency;

namespace Orleans.Poker.Grains.Interfaces.Chat;

/// <summary>Receives a table's chat lines as they are posted or deleted (the bot front end). Subscriptions expire: re-subscribe.</summary>
[Alias("poker.chat-observer")]
public interface IChatObserver : IGrainObserver
{
    /// <summary>A message was posted, or deleted (<see cref="ChatMessage.Deleted"/>); <paramref name="recent"/> is the table's chat after it.</summary>
    [Alias("OnChat")]
    [OneWay]
    Task OnChat(string tableId, ChatMessage message, IReadOnlyList<ChatMessage> recent);
}
