// Each test runs its own silo processes on two shared cores. Those that load the cores (plays, kills, faults) run one
// at a time, in the SilosCollection; the analytics failover test, which mostly waits for its reminder's minute ticks
// with two idle silos, runs beside them in a collection of its own (xUnit runs the two collections in parallel).
namespace Orleans.Poker.Cluster.Tests;

[CollectionDefinition(Name)]
public sealed class SilosCollection
{
    public const string Name = "silos";
}
