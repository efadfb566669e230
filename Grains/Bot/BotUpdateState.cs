namespace Orleans.Poker.Grains.Bot;

/// <summary>The range of update ids one ring slot currently remembers, one bit per id.</summary>
[GenerateSerializer, Alias("poker.bot-update-state.v1")]
public sealed class BotUpdateState
{
    /// <summary>Update id / <c>RangeSize</c>; -1 before the first claim.</summary>
    [Id(0)] public long Range { get; set; } = -1;

    [Id(1)] public ulong[] Bits { get; set; } = [];

    [Id(2)] public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Claimed ids of this range whose claimers have not confirmed yet, with when they were claimed.</summary>
    [Id(3)] public Dictionary<int, DateTimeOffset> Unconfirmed { get; set; } = [];
}
