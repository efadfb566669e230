namespace Orleans.Poker.ServiceDefaults.Configuration;

/// <summary><c>POKER__Bot__*</c>: the Telegram bot front end. The bot is off while <see cref="Token"/> is unset.</summary>
public sealed class BotSettings
{
    /// <summary>
    /// Whether a silo also runs the bot (when a token is set). Defaults to yes on the embedded default and no in
    /// production, where the bot runs as its own process.
    /// </summary>
    public bool? CoHosted { get; set; }

    /// <summary>The bot token from BotFather (<c>&lt;digits&gt;:&lt;text&gt;</c>). Unset: no bot.</summary>
    public string? Token { get; set; }

    /// <summary>Public HTTPS URL of <c>/telegram/webhook</c>; set on start. Unset (or <see cref="UseLongPolling"/>): long polling.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Secret Telegram echoes in <c>X-Telegram-Bot-Api-Secret-Token</c>; updates without it are refused.</summary>
    public string? WebhookSecret { get; set; }

    /// <summary>
    /// Comma-separated webhook secrets accepted besides <see cref="WebhookSecret"/> (the one registered with
    /// <c>setWebhook</c>): the next secret while a rotation rolls out, then the previous one until Telegram sends the new.
    /// </summary>
    public string? AcceptedWebhookSecrets { get; set; }

    /// <summary>
    /// Shared secret of the Alertmanager webhook receiver (<c>POST /alerts/alertmanager</c> with
    /// <c>Authorization: Bearer &lt;secret&gt;</c>). Unset: no receiver (404).
    /// </summary>
    public string? AlertWebhookSecret { get; set; }

    /// <summary>Comma-separated chat ids alerts are posted to. Unset: the admins' private chats (<see cref="AdminTelegramIds"/>).</summary>
    public string? AlertChatIds { get; set; }

    /// <summary>Alert messages sent at most per minute, all chats together (Alertmanager retries what is refused).</summary>
    public int AlertMessagesPerMinute { get; set; } = 20;

    /// <summary>
    /// How often the bot fetches the room's new warning and critical insights and posts them, batched, to the alert
    /// chats (within <see cref="AlertMessagesPerMinute"/>). <c>00:00:00</c>: it posts none.
    /// </summary>
    public TimeSpan InsightPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The chats alerts go to: <see cref="AlertChatIds"/>, else the admins.</summary>
    public IReadOnlyList<long> AlertChats() => ListSetting.Items(AlertChatIds) is { Count: > 0 } chats
        ? [.. chats.Select(c => long.TryParse(c, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : (long?)null).OfType<long>()]
        : [.. AdminIds()];

    /// <summary>Every secret an update may carry: <see cref="WebhookSecret"/> first, then the accepted ones.</summary>
    public IReadOnlyList<string> WebhookSecrets() =>
        [.. new[] { WebhookSecret }.OfType<string>().Where(s => s.Length > 0), .. ListSetting.Items(AcceptedWebhookSecrets)];

    /// <summary>Poll <c>getUpdates</c> instead of receiving a webhook (development).</summary>
    public bool UseLongPolling { get; set; }

    /// <summary>Bot API server; default Telegram's. Tests point it at a fake server on loopback.</summary>
    public string? ApiBaseUrl { get; set; }

    /// <summary>The mini-app URL opened by the bot's <c>web_app</c> button. Unset: no button.</summary>
    public string? MiniAppUrl { get; set; }

    /// <summary>Comma-separated Telegram user ids allowed to use <c>/admin</c>.</summary>
    public string? AdminTelegramIds { get; set; }

    /// <summary>Port of the standalone bot process (listens on <c>POKER__Http__Host</c>).</summary>
    public int Port { get; set; } = 8081;

    /// <summary>Template of the table <c>/startgroup</c> creates for a group chat.</summary>
    public string GroupTemplateId { get; set; } = "nlhe-cash";

    /// <summary>
    /// How often table observers are re-subscribed (grain subscriptions expire) and the process renews its lease on
    /// the group chats it posts to; a crashed process's groups move to another one after three intervals.
    /// </summary>
    public TimeSpan ResubscribeInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Messages a chat may get at once before the pace applies (Telegram tolerates short bursts).</summary>
    public int ChatSendBurst { get; set; } = 3;

    /// <summary>Steady pace of messages (sends and edits) into one private chat: Telegram allows about one a second.</summary>
    public TimeSpan ChatSendInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Steady pace into one group chat: Telegram allows about twenty a minute.</summary>
    public TimeSpan GroupSendInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Messages per second over all chats: Telegram allows about thirty.</summary>
    public int MessagesPerSecond { get; set; } = 25;

    /// <summary>
    /// Broadcast messages per second, a share of <see cref="MessagesPerSecond"/> (at most all of it) so that a broadcast
    /// to every player never starves the tables' messages.
    /// </summary>
    public int BroadcastMessagesPerSecond { get; set; } = 10;

    /// <summary>How often the bot asks whether a broadcast waits to be sent (one started from this bot goes at once). <c>00:00:00</c>: this bot sends none.</summary>
    public TimeSpan BroadcastPollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>True when a token is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Token);

    /// <summary>The admin ids parsed from <see cref="AdminTelegramIds"/>.</summary>
    public IReadOnlySet<long> AdminIds() =>
        (AdminTelegramIds ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(id => long.TryParse(id, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : 0)
            .Where(id => id != 0)
            .ToHashSet();
}
