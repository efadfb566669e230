namespace Orleans.Poker.Grains.Tests.Admin;

/// <summary>
/// The analytics tests' own silo and clock: they move the clock to the next hour boundary, which on the shared silo
/// would make every other test's tables play on at once.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AnalyticsCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "analytics";
}
