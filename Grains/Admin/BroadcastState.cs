using Orleans.Poker.Grains.Interfaces.Admin;

namespace Orleans.Poker.Grains.Admin;

/// <summary>The persisted current (or last) broadcast of <see cref="BroadcastGrain"/>.</summary>
[GenerateSerializer, Alias("poker.broadcast-state.v1")]
public sealed class BroadcastState
{
    [Id(0)] public Broadcast? Current { get; set; }
}
