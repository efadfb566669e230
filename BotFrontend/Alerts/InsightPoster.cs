using System.Text;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Poker.BotFrontend.Sending;
using Orleans.Poker.BotFrontend.Telegram;
using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Poker.ServiceDefaults.Configuration;
using Telegram.Bot;

namespace Orleans.Poker.BotFrontend.Alerts;

/// <summary>
/// Posts the room's warning and critical insights to the alert chats: every <see cref="BotSettings.InsightPollInterval"/>
/// it takes a batch from <see cref="IInsightsGrain"/> (leased to this process, so two bots do not both post it), posts
/// it as one message within the alert chats' budget (<see cref="AlertSlots"/>; 429 waits for Telegram's
/// <c>retry_after</c>), and confirms it. What was posted is recorded in the database: a restarted bot goes on from there.
/// </summary>
internal sealed partial class InsightPoster(PokerOptions options, IGrainFactory grains, BotApi api, AlertSlots slots, TimeProvider time, ILogger<InsightPoster> logger)
    : BackgroundService
{
    /// <summary>The most insights one message carries.</summary>
    public const int BatchSize = 10;

    private readonly string owner = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    private readonly SemaphoreSlim gate = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Bot.InsightPollInterval;
        if (interval <= TimeSpan.Zero || options.Bot.AlertChats().Count == 0)
        {
            LogOff(logger);
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                // Drain what is pending (a backlog goes out batch after batch, as the budget allows).
                while (await PostPending(stoppingToken) > 0)
                {
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogUnavailable(logger, e, interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Posts one batch of pending insights; returns how many were posted (0: none pending, budget spent, or not sent).</summary>
    public async Task<int> PostPending(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var chats = options.Bot.AlertChats();
            var insights = grains.GetGrain<IInsightsGrain>(IInsightsGrain.Key);
            var batch = chats.Count == 0 ? [] : await insights.ClaimForChat(owner, BatchSize);
            if (batch.Count == 0)
            {
                return 0;
            }

            if (!slots.TryTake())
            {
                // The lease stays with this process: the next poll posts the batch.
                LogBudgetSpent(logger, batch.Count);
                return 0;
            }

            var text = Text(batch);
            var posted = 0;
            foreach (var chat in chats)
            {
                posted += await api.Call(chat, (client, ct) => client.SendMessage(chat, text, cancellationToken: ct), cancellationToken) is null ? 0 : 1;
            }

            if (posted == 0)
            {
                LogNotPosted(logger, batch.Count);
                return 0;
            }

            await insights.ConfirmChat(owner, [.. batch.Select(i => i.Id)]);
            LogPosted(logger, batch.Count, posted, string.Join(", ", batch.Select(i => i.Id)));
            return batch.Count;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>"📊 Insights (N)", then per insight its severity, kind and summary.</summary>
    public static string Text(IReadOnlyList<Insight> insights)
    {
        var text = new StringBuilder("📊 Insights (").Append(insights.Count).Append(')');
        foreach (var insight in insights)
        {
            text.Append("\n\n").Append(insight.Severity == InsightSeverity.Critical ? "🚨" : "⚠️")
                .Append(" [").Append(insight.Severity.ToString().ToLowerInvariant()).Append("] ").Append(insight.Kind)
                .Append(" #").Append(insight.Id).Append('\n').Append(insight.Summary);
        }

        return Outbox.Fit(text.ToString());
    }

    public override void Dispose()
    {
        gate.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Insights are not posted to Telegram: no alert chat or POKER__Bot__InsightPollInterval is 0")]
    private static partial void LogOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Insights could not be fetched from the cluster; trying again in {Interval}")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, TimeSpan interval);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} insights wait: the alert chats' budget for this minute is spent")]
    private static partial void LogBudgetSpent(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} insights could not be posted to any alert chat; they are posted again at the next poll")]
    private static partial void LogNotPosted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} insights posted to {Chats} alert chats: {InsightIds}")]
    private static partial void LogPosted(ILogger logger, int count, int chats, string insightIds);
}
