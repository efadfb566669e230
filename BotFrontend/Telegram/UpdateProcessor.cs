using Microsoft.Extensions.Logging;
using Orleans.Poker.BotFrontend.Handling;
using Orleans.Poker.Grains.Interfaces.Bot;
using Telegram.Bot.Types;

namespace Orleans.Poker.BotFrontend.Telegram;

/// <summary>
/// Where updates enter, from the webhook or from long polling. An update id is claimed first in this process (a
/// cheap filter for redeliveries to the same process), then with the bot's <see cref="IBotUpdateGrain"/>, which
/// every bot process shares and which decides: only the process whose claim succeeds (and is confirmed) handles the
/// update; a claim whose answer was lost is claimed again after a lease, so a redelivery is not dropped. Claimed
/// updates go to their chat's queue so a slow chat never blocks another.
/// </summary>
internal sealed class UpdateProcessor(
    UpdateDeduplicator deduplicator,
    IGrainFactory grains,
    BotIdentity identity,
    ChatQueues queues,
    UpdateHandler handler,
    BotMetrics metrics,
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
            metrics.Duplicate();
            return UpdateAcceptance.Duplicate;
        }

        UpdateClaim claim;
        var slot = grains.GetGrain<IBotUpdateGrain>(IBotUpdateGrain.KeyOf(identity.Id, update.Id));
        try
        {
            claim = await slot.TryBegin(update.Id);
            if (claim == UpdateClaim.Claimed)
            {
                // Confirmed before it is processed: a claim whose answer was lost is claimed again after the lease.
                await slot.Confirm(update.Id);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Not confirmed: forget it here too, so that Telegram's redelivery is handled (once the lease allows).
            deduplicator.Forget(update.Id);
            logger.LogWarning(e, "Could not claim update {UpdateId}: left for redelivery", update.Id);
            metrics.Unavailable();
            return UpdateAcceptance.Unavailable;
        }

        if (claim == UpdateClaim.InProgress)
        {
            deduplicator.Forget(update.Id);
            logger.LogInformation("Update {UpdateId} is claimed but not confirmed yet: left for redelivery", update.Id);
            metrics.Unavailable();
            return UpdateAcceptance.Unavailable;
        }

        if (claim == UpdateClaim.Duplicate)
        {
            logger.LogInformation("Update {UpdateId} was processed already (another bot process)", update.Id);
            metrics.Duplicate();
            return UpdateAcceptance.Duplicate;
        }

        Interlocked.Increment(ref accepted);
        queues.Enqueue(ChatOf(update), () => handler.Handle(update, cancellationToken));
        return UpdateAcceptance.Accepted;
    }

    /// <summary>The chat an update came from (a button's: the chat of its message, else the presser's private chat).</summary>
    internal static long ChatOf(Update update) =>
        update.Message?.Chat.Id
        ?? update.CallbackQuery?.Message?.Chat.Id
        ?? update.CallbackQuery?.From.Id
        ?? update.MyChatMember?.Chat.Id
        ?? 0;
}
