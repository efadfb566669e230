namespace Orleans.Poker.Grains.Bot;

/// <summary>The range of update ids one ring slot currently remembers, one bit per id.</summary>
[GenerateSerializer, Alias("poker.bot-update-state.v1")]
public sealed class BotUpdateState
{
    /// <summary>
    /// Update id / <c>RangeSize</c>, once <see cref="Bits"/> is allocated (the first claim). No initializer: the
    /// serializer leaves out a field at its type's default, so a stored range 0 loads as 0, not as the initializer.
    /// </summary>
    [Id(0)] public long Range { get; set; }

    [Id(1)] public ulong[] Bits { get; set; } = [];

    [Id(2)] public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Claimed ids of this range whose claimers have not confirmed yet, with when they were claimed.</summary>
    [Id(3)] public Dictionary<int, DateTimeOffset> Unconfirmed { get; set; } = [];
}
