using Orleans.Poker.BotFrontend.Handling;
using Telegram.Bot.Types;

namespace Orleans.Poker.BotFrontend.Telegram;

/// <summary>
/// Where updates enter, from the webhook or from long polling: a duplicate update id is dropped, the rest go to their
/// chat's queue so a slow chat never blocks another.
/// </summary>
internal sealed class UpdateProcessor(UpdateDeduplicator deduplicator, ChatQueues queues, UpdateHandler handler)
{
    private long accepted;

    /// <summary>Updates accepted for processing (duplicates excluded).</summary>
    public long Accepted => Interlocked.Read(ref accepted);

    /// <summary>Queues <paramref name="update"/>; false when its id was already seen.</summary>
    public bool Accept(Update update, CancellationToken cancellationToken = default)
    {
        if (!deduplicator.TryBegin(update.Id))
        {
            return false;
        }

        Interlocked.Increment(ref accepted);
        queues.Enqueue(ChatOf(update), () => handler.Handle(update, cancellationToken));
        return true;
    }

    private static long ChatOf(Update update) =>
        update.Message?.Chat.Id
        ?? update.CallbackQuery?.Message?.Chat.Id
        ?? update.CallbackQuery?.From.Id
        ?? update.MyChatMember?.Chat.Id
        ?? 0;
}
