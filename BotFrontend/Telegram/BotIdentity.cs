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

    /// <summary>The bot's username: Telegram's answer to <c>getMe</c>, or a stand-in until it answered (<see cref="Named"/>).</summary>
    public string Username { get; private set; } = "orleans_poker_bot";

    /// <summary>Whether <see cref="Username"/> is Telegram's answer, not the stand-in.</summary>
    public bool Named { get; private set; }

    /// <summary>Records the username <c>getMe</c> answered.</summary>
    public void Name(string username)
    {
        Username = username;
        Named = true;
    }

    /// <summary>
    /// Whether a command addressed to <paramref name="username"/> (<c>/cmd@username</c>) is for another bot. Until
    /// <c>getMe</c> answered the bot cannot tell, and takes it as its own.
    /// </summary>
    public bool IsAnotherBot(string username) => Named && !username.Equals(Username, StringComparison.OrdinalIgnoreCase);

    public string Link(string payload) => $"https://t.me/{Username}?start={payload}";
}
