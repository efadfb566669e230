namespace Orleans.Poker.BotFrontend.Play;

/// <summary>A "your turn" message whose buttons are still live.</summary>
internal sealed record PromptRef(long ChatId, int MessageId, long HandNo);
