using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Cluster.Tests;

/// <summary>An action decided but not yet taken; <see cref="Act"/> again is a retry with the same client sequence number.</summary>
public sealed record PendingAction(ITableGrain Table, long PlayerId, TurnRef Turn, PlayerAction Action, long ClientSeq)
{
    public Task<ActResult> Act() => Table.Act(PlayerId, Turn, Action, ClientSeq);
}
