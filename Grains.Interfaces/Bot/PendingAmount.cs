using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Interfaces.Bot;

/// <summary>
/// A player asked the bot to type a custom bet/raise amount for <paramref name="Turn"/> of <paramref name="TableId"/>,
/// between <paramref name="Min"/> and <paramref name="Max"/>; <paramref name="Bet"/> when it opens the betting,
/// <paramref name="AllIn"/> the amount that puts them all-in (for the confirmation's words).
/// </summary>
[GenerateSerializer, Immutable, Alias("poker.pending-amount.v1")]
public sealed record PendingAmount(
    [property: Id(0)] string TableId,
    [property: Id(1)] TurnRef Turn,
    [property: Id(2)] long Min,
    [property: Id(3)] long Max,
    [property: Id(4)] bool Bet,
    [property: Id(5)] long AllIn);
