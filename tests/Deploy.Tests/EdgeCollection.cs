namespace Orleans.Poker.Deploy.Tests;

/// <summary>The edge tests share one nginx and one set of processes.</summary>
[CollectionDefinition(Name)]
public sealed class EdgeCollection : ICollectionFixture<EdgeFixture>
{
    public const string Name = "edge";
}
