using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Admin;
using Orleans.Poker.ServiceDefaults.Configuration;

namespace Orleans.Poker.BotFrontend.Sending;

/// <summary>
/// Sends the room's broadcast (<see cref="IBroadcastGrain"/>): every <see cref="BotSettings.BroadcastPollInterval"/>
/// (or at once when an admin started one from this bot, <see cref="Wake"/>) it claims a page of recipients (leased to
/// this process, so two bots do not both send it), hands each message to the <see cref="Outbox"/> at
/// <see cref="BotSettings.BroadcastMessagesPerSecond"/> (a share of the overall pace: the tables' messages keep the
/// rest; the outbox still waits out 429s and marks 403 chats unreachable), waits until the page went out and reports
/// it. The cursor moves only on that report: a bot or silo that restarts goes on after the last reported page, so at
/// most the page in flight is sent twice.
/// </summary>
internal sealed partial class BroadcastSender(PokerOptions options, IGrainFactory grains, Outbox outbox, TimeProvider time, ILogger<BroadcastSender> logger)
    : BackgroundService
{
    /// <summary>Recipients per claimed page: two seconds or so of sending, the most sent twice after a crash.</summary>
    public const int PageSize = 20;

    private readonly string owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private readonly Pace pace = new(1, TimeSpan.FromSeconds(1.0 / Math.Clamp(options.Bot.BroadcastMessagesPerSecond, 1, Math.Max(1, options.Bot.MessagesPerSecond))), time);
    private TaskCompletionSource woken = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>A broadcast was started here: look for it now rather than at the next poll.</summary>
    public void Wake() => Volatile.Read(ref woken).TrySetResult();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Bot.BroadcastPollInterval;
        if (interval <= TimeSpan.Zero)
        {
            LogOff(logger);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            // Installed before looking: a broadcast started while this pass runs wakes the next one at once.
            var wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref woken, wake);
            try
            {
                while (await SendPage(stoppingToken))
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogUnavailable(logger, e, interval);
            }

            await Task.WhenAny(wake.Task, Task.Delay(interval, time, stoppingToken));
            stoppingToken.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Sends one claimed page and reports it; false when there was none or the broadcast is no longer running.</summary>
    private async Task<bool> SendPage(CancellationToken stoppingToken)
    {
        var broadcast = grains.GetGrain<IBroadcastGrain>(IBroadcastGrain.Key);
        if (await broadcast.Claim(owner, PageSize) is not { } page)
        {
            return false;
        }

        var slots = new List<MessageSlot>(page.Recipients.Count);
        foreach (var recipient in page.Recipients)
        {
            await Task.Delay(pace.Reserve(), time, stoppingToken);
            slots.Add(outbox.Send(recipient.ChatId, page.Text));
        }

        // Stopping before the page went out leaves it unreported: the next claim (here or elsewhere) sends it again.
        var delivered = await Task.WhenAll(slots.Select(s => s.Sent)).WaitAsync(stoppingToken);
        var sent = delivered.Count(id => id is not null);
        var skipped = slots.Where((s, i) => delivered[i] is null && outbox.IsUnreachable(s.ChatId)).Count();
        var failed = slots.Count - sent - skipped;
        var report = new BroadcastReport(page.BroadcastId, page.Recipients[^1].PlayerId, sent, skipped, failed);
        var progress = await broadcast.Report(owner, report);
        LogPage(logger, page.BroadcastId, sent, skipped, failed, progress?.Sent ?? 0);
        return progress is { Status: BroadcastStatus.Running } && progress.Id == page.BroadcastId;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Broadcasts are not sent by this bot: POKER__Bot__BroadcastPollInterval is 0")]
    private static partial void LogOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The broadcast could not be read or reported; trying again in {Interval}")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Broadcast {BroadcastId}: a page went out ({Sent} sent, {Skipped} skipped, {Failed} failed; {Total} sent in all)")]
    private static partial void LogPage(ILogger logger, string broadcastId, int sent, int skipped, int failed, int total);
}
