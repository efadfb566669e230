using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Waitlists;

/// <summary>The persisted state of a <see cref="TemplateWaitlistGrain"/>: the queue, head first, and the seats offered from it.</summary>
[GenerateSerializer, Alias("poker.template-waitlist-state.v1")]
public sealed class TemplateWaitlistState
{
    [Id(0)] public List<WaitlistEntry> Entries { get; set; } = [];

    /// <summary>Seats held for players taken from the queue, until they sit, leave or the hold ends (then dropped).</summary>
    [Id(1)] public List<TemplateOffer> Offers { get; set; } = [];
}
