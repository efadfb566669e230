namespace Orleans.Poker.Grains.Interfaces.Templates;

/// <summary>One sit-and-go blind level, played for <see cref="Duration"/> before the next one starts.</summary>
[GenerateSerializer, Immutable, Alias("poker.blind-level.v1")]
public sealed record BlindLevel(
    [property: Id(0)] long SmallBlind,
    [property: Id(1)] long BigBlind,
    [property: Id(2)] long Ante,
    [property: Id(3)] TimeSpan Duration)
{
    /// <summary>What a fixed-limit game's bets and a stud game's bring-in grow with from level to level: the big blind, or (stud: no blinds) the ante.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public long Size => BigBlind > 0 ? BigBlind : Ante;
}
