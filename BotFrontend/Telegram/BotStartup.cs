using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Poker.BotFrontend.Texts;
using Orleans.Poker.ServiceDefaults.Configuration;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace Orleans.Poker.BotFrontend.Telegram;

/// <summary>
/// On start: reads the bot's username, registers the commands in English and Persian, then either sets the webhook
/// (with its secret) or, in development, deletes it and long-polls <c>getUpdates</c>.
/// </summary>
internal sealed class BotStartup(BotApi api, BotIdentity identity, UpdateProcessor processor, PokerOptions options, TimeProvider time, BotMetrics metrics, ILogger<BotStartup> logger)
    : BackgroundService
{
    private static readonly UpdateType[] Allowed = [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.MyChatMember];

    public bool UsesPolling => options.Bot.UseLongPolling || string.IsNullOrWhiteSpace(options.Bot.WebhookUrl);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        try
        {
            if (await api.Call(0, (client, ct) => client.GetMe(ct), stoppingToken) is { Username: { } username })
            {
                identity.Name(username);
            }

            foreach (var language in new[] { BotTexts.English, BotTexts.Persian })
            {
                var commands = BotTexts.Commands.Select(c => new BotCommand(c, BotTexts.Get(language, "cmd." + c))).ToArray();
                await api.Call(0, (client, ct) => client.SetMyCommands(commands, languageCode: language == BotTexts.English ? null : language, cancellationToken: ct), stoppingToken);
            }

            if (!UsesPolling)
            {
                await api.Call(0, (client, ct) => client.SetWebhook(options.Bot.WebhookUrl!, secretToken: options.Bot.WebhookSecret, allowedUpdates: Allowed, cancellationToken: ct), stoppingToken);
                logger.LogInformation("Telegram webhook set to {WebhookUrl}", options.Bot.WebhookUrl);
                return;
            }

            await api.Call(0, (client, ct) => client.DeleteWebhook(cancellationToken: ct), stoppingToken);
            logger.LogInformation("Telegram long polling started");
            await Poll(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    private async Task Poll(CancellationToken stoppingToken)
    {
        var offset = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var started = time.GetTimestamp();
            Update[]? updates;
            try
            {
                updates = await api.Call(0, (client, ct) => client.GetUpdates(offset, 100, 25, Allowed, ct), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "getUpdates failed");
                updates = null;
            }

            var stalled = false;
            foreach (var update in updates ?? [])
            {
                metrics.Received("polling");
                if (await processor.Accept(update, stoppingToken) == UpdateAcceptance.Unavailable)
                {
                    // The offset stays before this update: the next poll gets it again.
                    stalled = true;
                    break;
                }

                offset = Math.Max(offset, update.Id + 1);
            }

            // A server that answers at once with nothing (not a real long poll) must not be hammered, nor a cluster
            // that cannot record updates.
            if ((stalled || updates is null || updates.Length == 0) && time.GetElapsedTime(started) < TimeSpan.FromSeconds(1))
            {
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken);
            }
        }
    }
}
