namespace Orleans.Poker.Grains.Interfaces.Chat;

/// <summary>
/// A table's chat, keyed by the table id: the last <c>ChatRules.Kept</c> messages, persisted. Only players seated at
/// the table post; everybody who may watch the table reads. Refusals throw <see cref="Common.PokerException"/> and
/// change nothing.
/// </summary>
[Alias("poker.table-chat")]
public interface ITableChatGrain : IGrainWithStringKey
{
    /// <summary>
    /// Posts a text (<paramref name="text"/>) or one of the fixed emotes (<paramref name="emote"/>) as
    /// <paramref name="playerId"/>, who must be seated: <c>not_seated</c> (403), <c>chat_muted</c> (403) for a player
    /// muted room-wide, <c>chat_rate_limited</c> (429, with the seconds to wait) past the rate limit, <c>invalid_chat</c>
    /// for an empty, too long or control-character text or an unknown emote.
    /// </summary>
    [Alias("Post")]
    Task<ChatMessage> Post(long playerId, string? text, string? emote);

    /// <summary>
    /// As <see cref="Post(long, string?, string?)"/>, once per <paramref name="requestId"/> (the caller's own id of the
    /// line, 1..64 letters, digits, '-' or '_'; else <c>invalid_input</c>): a repeat from the same player, a retry after
    /// a failure or a lost answer, is answered with the first answer and stores nothing. A player's last
    /// <c>ChatRules.RequestsKept</c> ids of the last <c>ChatRules.RequestsKeptFor</c> are remembered. Null: no such
    /// promise (the earlier release's gateways call the overload without it during a rolling update).
    /// </summary>
    [Alias("PostOnce")]
    Task<ChatMessage> Post(long playerId, string? text, string? emote, string? requestId);

    /// <summary>The kept messages, oldest first (deleted ones with an empty text).</summary>
    [Alias("Recent")]
    Task<IReadOnlyList<ChatMessage>> Recent();

    /// <summary>
    /// Reports a kept message to the admins (<see cref="IChatModerationGrain.Report"/>): <c>not_found</c> when it was
    /// never posted, is no longer kept or was deleted; <c>invalid_report</c> for the reporter's own message.
    /// </summary>
    [Alias("Report")]
    Task<ChatReport> Report(long messageId, long reporterId, string? reason);

    /// <summary>Admin: empties a message's text and marks it deleted (again: the same answer); <c>not_found</c> when it is not kept.</summary>
    [Alias("Delete")]
    Task<ChatMessage> Delete(long messageId);

    /// <summary>Adds an observer of this chat, or renews it; subscriptions expire after a few minutes.</summary>
    [Alias("Subscribe")]
    Task Subscribe(IChatObserver observer);

    /// <summary>Removes an observer.</summary>
    [Alias("Unsubscribe")]
    Task Unsubscribe(IChatObserver observer);
}
