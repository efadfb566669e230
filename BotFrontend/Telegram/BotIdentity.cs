namespace Orleans.Poker.BotFrontend.Telegram;

/// <summary>The bot's own username (from <c>getMe</c> on start), for deep links.</summary>
internal sealed class BotIdentity
{
    public string Username { get; set; } = "orleans_poker_bot";

    public string Link(string payload) => $"https://t.me/{Username}?start={payload}";
}
