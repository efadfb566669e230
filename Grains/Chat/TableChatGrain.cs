using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Chat;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Utilities;

namespace Orleans.Poker.Grains.Chat;

/// <summary>
/// A table's chat: checks each message against <see cref="ChatRules"/>, the seats (asked of the table), the room-wide
/// mutes and the per-player rate limit, persists it with the last <see cref="ChatRules.Kept"/> messages before it
/// answers, then tells its observers.
/// </summary>
public sealed class TableChatGrain(
    [PersistentState("chat", PokerStorage.Name)] IPersistentState<TableChatState> store,
    TimeProvider time,
    ILogger<TableChatGrain> logger) : Grain, ITableChatGrain
{
    private readonly ChatRateLimit rate = new();
    private readonly ObserverManager<IChatObserver> observers = new(TimeSpan.FromMinutes(5), logger);

    private TableChatState State => store.State;

    private string TableId => this.GetPrimaryKeyString();

    public async Task<ChatMessage> Post(long playerId, string? text, string? emote)
    {
        var (line, code) = ChatRules.Compose(text, emote);
        var view = (await GrainFactory.GetGrain<ITableGrain>(TableId).GetSnapshot(null)).View;
        var seat = view.Seats.FirstOrDefault(s => s.PlayerId == playerId)
                   ?? throw PokerException.Forbidden("Only players seated at this table can chat; watchers read");
        if (await GrainFactory.GetGrain<IChatModerationGrain>(IChatModerationGrain.Key).GetMute(playerId) is not null)
        {
            throw new PokerException("chat_muted", "An admin muted you in the room's chat", 403);
        }

        var now = time.GetUtcNow();
        rate.Admit(playerId, now);
        var message = new ChatMessage(State.LastId + 1, playerId, seat.Name ?? $"Player {playerId}", line, code, now, false);
        State.Messages.Add(message);
        if (State.Messages.Count > ChatRules.Kept)
        {
            State.Messages.RemoveRange(0, State.Messages.Count - ChatRules.Kept);
        }

        State.LastId = message.Id;
        await store.WriteStateAsync();
        logger.LogDebug("Player {PlayerId} posted chat message {MessageId} at table {TableId}", playerId, message.Id, TableId);
        await Notify(message);
        return message;
    }

    public Task<IReadOnlyList<ChatMessage>> Recent() => Task.FromResult<IReadOnlyList<ChatMessage>>(State.Messages.ToList());

    public Task<ChatReport> Report(long messageId, long reporterId, string? reason)
    {
        var message = State.Messages[IndexOf(messageId)];
        if (message.Deleted)
        {
            throw PokerException.NotFound($"Chat message {messageId} of table {TableId}");
        }

        return message.PlayerId == reporterId
            ? throw new PokerException("invalid_report", "You cannot report your own message")
            : GrainFactory.GetGrain<IChatModerationGrain>(IChatModerationGrain.Key).Report(TableId, message, reporterId, reason);
    }

    public async Task<ChatMessage> Delete(long messageId)
    {
        var index = IndexOf(messageId);
        var message = State.Messages[index];
        if (message.Deleted)
        {
            return message;
        }

        var deleted = message with { Text = "", Emote = null, Deleted = true };
        State.Messages[index] = deleted;
        await store.WriteStateAsync();
        logger.LogInformation("Chat message {MessageId} of player {PlayerId} at table {TableId} deleted", messageId, message.PlayerId, TableId);
        await Notify(deleted);
        return deleted;
    }

    public Task Subscribe(IChatObserver observer)
    {
        observers.Subscribe(observer, observer);
        return Task.CompletedTask;
    }

    public Task Unsubscribe(IChatObserver observer)
    {
        observers.Unsubscribe(observer);
        return Task.CompletedTask;
    }

    private int IndexOf(long messageId)
    {
        var index = State.Messages.FindIndex(m => m.Id == messageId);
        return index >= 0 ? index : throw PokerException.NotFound($"Chat message {messageId} of table {TableId}");
    }

    private Task Notify(ChatMessage message)
    {
        if (observers.Count == 0)
        {
            return Task.CompletedTask;
        }

        var recent = State.Messages.ToList();
        return observers.Notify(o => o.OnChat(TableId, message, recent));
    }
}
