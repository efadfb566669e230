using Microsoft.Extensions.Logging;
using Orleans.Poker.BotFrontend.Handling;
using Orleans.Poker.Grains.Interfaces.Bot;
using Telegram.Bot.Types;

namespace Orleans.Poker.BotFrontend.Telegram;

/// <summary>
/// Where updates enter, from the webhook or from long polling. An update id is claimed first in this process (a
/// cheap filter for redeliveries to the same process), then with the bot's <see cref="IBotUpdateGrain"/>, which
/// every bot process shares and which decides: only the process whose claim succeeds handles the update. Claimed
/// updates go to their chat's queue so a slow chat never blocks another.
/// </summary>
internal sealed class UpdateProcessor(
    UpdateDeduplicator deduplicator,
    IGrainFactory grains,
    BotIdentity identity,
    ChatQueues queues,
    UpdateHandler handler,
    ILogger<UpdateProcessor> logger)
{
    private long accepted;

    /// <summary>Updates accepted for processing by this process (duplicates excluded).</summary>
    public long Accepted => Interlocked.Read(ref accepted);

    /// <summary>Claims <paramref name="update"/> and queues it on its chat when the claim is new.</summary>
    public async Task<UpdateAcceptance> Accept(Update update, CancellationToken cancellationToken = default)
    {
        if (!deduplicator.TryBegin(update.Id))
        {
            return UpdateAcceptance.Duplicate;
        }

        bool claimed;
        try
        {
            claimed = await grains.GetGrain<IBotUpdateGrain>(IBotUpdateGrain.KeyOf(identity.Id, update.Id)).TryBegin(update.Id);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Not recorded anywhere: forget it here too, so that Telegram's redelivery is handled.
            deduplicator.Forget(update.Id);
            logger.LogWarning(e, "Could not claim update {UpdateId}: left for redelivery", update.Id);
            return UpdateAcceptance.Unavailable;
        }

        if (!claimed)
        {
            logger.LogInformation("Update {UpdateId} was processed already (another bot process)", update.Id);
            return UpdateAcceptance.Duplicate;
        }

        Interlocked.Increment(ref accepted);
        queues.Enqueue(ChatOf(update), () => handler.Handle(update, cancellationToken));
        return UpdateAcceptance.Accepted;
    }

    private static long ChatOf(Update update) =>
        update.Message?.Chat.Id
        ?? update.CallbackQuery?.Message?.Chat.Id
        ?? update.CallbackQuery?.From.Id
        ?? update.MyChatMember?.Chat.Id
        ?? 0;
}
