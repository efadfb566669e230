using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Waitlists;

/// <summary>The persisted state of a <see cref="WaitlistGrain"/>: the queue, head first.</summary>
[GenerateSerializer, Alias("poker.waitlist-state.v1")]
public sealed class WaitlistState
{
    [Id(0)] public List<WaitlistEntry> Entries { get; set; } = [];
}
