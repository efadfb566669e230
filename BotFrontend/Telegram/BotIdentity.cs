using System.Globalization;
using Orleans.Poker.ServiceDefaults.Configuration;

namespace Orleans.Poker.BotFrontend.Telegram;

/// <summary>The bot's id (the token's number, which every process of the bot shares) and username (from <c>getMe</c> on start, for deep links).</summary>
internal sealed class BotIdentity(PokerOptions options)
{
    /// <summary>Telegram's id of the bot: the digits before the token's colon.</summary>
    public long Id { get; } = long.TryParse((options.Bot.Token ?? "").Split(':')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
        ? id
        : throw new InvalidOperationException("POKER__Bot__Token must look like <digits>:<text>.");

    public string Username { get; set; } = "orleans_poker_bot";

    public string Link(string payload) => $"https://t.me/{Username}?start={payload}";
}
