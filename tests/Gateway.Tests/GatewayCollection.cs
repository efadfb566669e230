namespace Orleans.Poker.Gateway.Tests;

/// <summary>Tests that share one silo and one gateway (<see cref="GatewayFixture"/>).</summary>
[CollectionDefinition(Name)]
public sealed class GatewayCollection : ICollectionFixture<GatewayFixture>
{
    public const string Name = "gateway";
}
