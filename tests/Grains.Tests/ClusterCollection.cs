namespace Orleans.Poker.Grains.Tests;

/// <summary>The tests that share one <see cref="ClusterFixture"/>: mark a class <c>[Collection(ClusterCollection.Name)]</c>.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
