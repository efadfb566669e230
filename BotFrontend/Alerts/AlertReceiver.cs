using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Orleans.Poker.BotFrontend.Sending;
using Orleans.Poker.BotFrontend.Telegram;
using Orleans.Poker.ServiceDefaults.Configuration;
using Telegram.Bot;

namespace Orleans.Poker.BotFrontend.Alerts;

/// <summary>
/// Alertmanager's webhook receiver: checks the shared secret, validates the notification, and posts one message per
/// notification (Alertmanager groups alerts already) to the alert chats, at most
/// <see cref="BotSettings.AlertMessagesPerMinute"/> a minute together with the insights (<see cref="AlertSlots"/>); beyond that it answers 429 and Alertmanager retries.
/// </summary>
internal sealed partial class AlertReceiver(PokerOptions options, BotApi api, AlertSlots slots, ILogger<AlertReceiver> logger)
{
    /// <summary>The path Alertmanager posts to (reached on the bot's own port, never through the public proxy).</summary>
    public const string Path = "/alerts/alertmanager";

    public async Task<IResult> Receive(HttpContext http)
    {
        var secret = options.Bot.AlertWebhookSecret;
        if (string.IsNullOrEmpty(secret))
        {
            return Results.NotFound();
        }

        var presented = http.Request.Headers.Authorization.ToString();
        if (!presented.StartsWith("Bearer ", StringComparison.Ordinal) || !WebhookSecret.Matches(presented["Bearer ".Length..], secret))
        {
            return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Missing or wrong alert webhook secret");
        }

        AlertmanagerNotification? notification;
        try
        {
            notification = await JsonSerializer.DeserializeAsync<AlertmanagerNotification>(http.Request.Body, cancellationToken: http.RequestAborted);
        }
        catch (JsonException e)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not an Alertmanager notification", detail: e.Message);
        }

        if (notification is not { Version: "4", Status: "firing" or "resolved", Alerts: { Count: > 0 } alerts }
            || alerts.Any(a => a.Labels?.GetValueOrDefault("alertname") is not { Length: > 0 }))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Not an Alertmanager notification (version 4, status, alerts with an alertname)");
        }

        if (!slots.TryTake())
        {
            http.Response.Headers.RetryAfter = "60";
            return Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many alert messages this minute; retry later");
        }

        var text = Text(notification.Status!, alerts);
        foreach (var chat in options.Bot.AlertChats())
        {
            await api.Call(chat, (client, ct) => client.SendMessage(chat, text, cancellationToken: ct), http.RequestAborted);
        }

        LogAlert(logger, notification.Status!, string.Join(", ", alerts.Select(a => a.Labels!["alertname"]).Distinct()));
        return Results.Ok();
    }

    /// <summary>"🔥 FIRING" or "✅ RESOLVED", then one line per alert with its severity, summary and description.</summary>
    private static string Text(string status, IReadOnlyList<AlertmanagerAlert> alerts)
    {
        var text = new StringBuilder(status == "resolved" ? "✅ RESOLVED" : "🔥 FIRING").Append(" (").Append(alerts.Count).Append(')');
        foreach (var alert in alerts)
        {
            var labels = alert.Labels!;
            var resolved = alert.Status == "resolved" && status != "resolved" ? " (resolved)" : "";
            text.Append("\n\n• ").Append(labels["alertname"]).Append(resolved);
            if (labels.GetValueOrDefault("severity") is { } severity)
            {
                text.Append(" [").Append(severity).Append(']');
            }

            if (alert.Annotations?.GetValueOrDefault("summary") is { } summary)
            {
                text.Append('\n').Append(summary);
            }

            if (alert.Annotations?.GetValueOrDefault("description") is { } description)
            {
                text.Append('\n').Append(description);
            }
        }

        return Outbox.Fit(text.ToString());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Alert notification {Status} posted to the alert chats: {Alerts}")]
    private static partial void LogAlert(ILogger logger, string status, string alerts);
}
