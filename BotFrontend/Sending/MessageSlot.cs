using Telegram.Bot.Types.ReplyMarkups;

namespace Orleans.Poker.BotFrontend.Sending;

/// <summary>
/// One message of a chat as the bot wants it to read: sent when first shown, edited in place after that. Showing it
/// again before the last content went out replaces that content (edits collapse into the latest); the
/// <see cref="Outbox"/> owns the mutable state under its lock.
/// </summary>
internal sealed class MessageSlot(long chatId, int? messageId = null)
{
    public long ChatId { get; } = chatId;

    /// <summary>Telegram's id once the message was sent (or the id of an existing message this slot edits).</summary>
    public int? MessageId { get; internal set; } = messageId;

    /// <summary>
    /// Whether the message is posted again when somebody deleted it (Telegram answers its edit "message to edit not
    /// found"): for a message that stands for something still there (a group's announcement), not for one whose later
    /// edits only retire it (a turn prompt losing its buttons), which would come back as a stale new message.
    /// </summary>
    public bool Repost { get; init; }

    /// <summary>What the message should read.</summary>
    internal MessageContent? Wanted { get; set; }

    /// <summary>What Telegram shows (null until sent by this slot).</summary>
    internal MessageContent? Shown { get; set; }

    /// <summary>True while the slot waits in its chat's queue.</summary>
    internal bool Queued { get; set; }

    /// <summary>Completes with the message id when the slot first went out (null: it could not be sent).</summary>
    public Task<int?> Sent => Delivered.Task;

    internal TaskCompletionSource<int?> Delivered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}

/// <summary>A message's text and its inline keyboard (none: no buttons).</summary>
internal sealed record MessageContent(string Text, ReplyMarkup? Markup);
