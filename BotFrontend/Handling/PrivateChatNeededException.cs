namespace Orleans.Poker.BotFrontend.Handling;

/// <summary>
/// A button pressed in a group needs the presser's private chat, which they never opened (Telegram answers 403 to a
/// bot writing first): the tap is answered with <see cref="Link"/>, which opens the private chat and carries on there.
/// </summary>
internal sealed class PrivateChatNeededException(string link) : Exception("The player has not opened a private chat with the bot")
{
    public string Link { get; } = link;
}
