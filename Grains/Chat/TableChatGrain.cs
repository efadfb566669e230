using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Chat;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Storage;
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

    public Task<ChatMessage> Post(long playerId, string? text, string? emote) => Post(playerId, text, emote, null);

    public async Task<ChatMessage> Post(long playerId, string? text, string? emote, string? requestId)
    {
        if (requestId is not null && !TableIds.IsValid(requestId))
        {
            throw new PokerException("invalid_input", "requestId must be 1..64 letters, digits, '-' or '_'");
        }

        if (Replay(playerId, requestId) is { } first)
        {
            logger.LogDebug("Player {PlayerId} sent chat request {RequestId} at table {TableId} again: answered with message {MessageId}", playerId, requestId, TableId, first.Id);
            return first;
        }

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
        if (requestId is not null)
        {
            Remember(playerId, new ChatRequest(requestId, message));
        }

        // A failed write leaves this activation ahead of storage (the line and its request id): the next call reads
        // what was stored, so a retry posts the line once.
        await store.WriteOrDeactivate(this);
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
        await store.WriteOrDeactivate(this);
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

    /// <summary>
    /// The line a repeated request posted, as it stands now (deleted by a moderator meanwhile: deleted), so that a
    /// repeat never brings back a text that was taken down.
    /// </summary>
    private ChatMessage? Replay(long playerId, string? requestId) =>
        requestId is not null && State.Requests.TryGetValue(playerId, out var sent)
            && sent.Find(r => r.RequestId == requestId && !Forgotten(r, time.GetUtcNow()))?.Answer is { } first
            ? State.Messages.Find(m => m.Id == first.Id) ?? first
            : null;

    private static bool Forgotten(ChatRequest request, DateTimeOffset now) => now - request.Answer.SentAt > ChatRules.RequestsKeptFor;

    // A player's last few ids of the last hour: retries come within seconds or minutes, and players who left the table
    // take theirs with them.
    private void Remember(long playerId, ChatRequest request)
    {
        var now = request.Answer.SentAt;
        foreach (var (player, sent) in State.Requests)
        {
            sent.RemoveAll(r => Forgotten(r, now));
            if (sent.Count == 0)
            {
                State.Requests.Remove(player);
            }
        }

        if (!State.Requests.TryGetValue(playerId, out var mine))
        {
            State.Requests[playerId] = mine = [];
        }

        mine.Add(request);
        if (mine.Count > ChatRules.RequestsKept)
        {
            mine.RemoveRange(0, mine.Count - ChatRules.RequestsKept);
        }
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
