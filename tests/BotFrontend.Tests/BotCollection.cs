namespace Orleans.Poker.BotFrontend.Tests;

/// <summary>The bot tests share one silo, fake Bot API and bot host.</summary>
[CollectionDefinition(Name)]
public sealed class BotCollection : ICollectionFixture<BotFixture>
{
    public const string Name = "bot";
}
