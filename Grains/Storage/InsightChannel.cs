namespace Orleans.Poker.Grains.Storage;

/// <summary>Where stored insights are delivered besides the log: the admins' Telegram chat (warnings and critical ones) and the webhook (all).</summary>
public enum InsightChannel
{
    Chat,
    Webhook,
}
