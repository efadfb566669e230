namespace Orleans.Poker.Cluster.Tests;

/// <summary>A table's state as compared across a silo failure (value equality).</summary>
public sealed record TableFacts(long HandNo, int? ActorSeat, string Board, string Stacks, string Pots, string HoleCards);
