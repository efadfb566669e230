namespace Orleans.Poker.Grains.Interfaces.Bot;

/// <summary>A group chat the bot posts a table to.</summary>
[GenerateSerializer, Immutable, Alias("poker.bot-group.v1")]
public sealed record BotGroup([property: Id(0)] long ChatId, [property: Id(1)] string TableId);
