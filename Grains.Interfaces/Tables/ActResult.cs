namespace Orleans.Poker.Grains.Interfaces.Tables;

/// <summary>The answer to an accepted action; a repeated client sequence number gets the same answer again.</summary>
[GenerateSerializer, Immutable, Alias("poker.act-result.v1")]
public sealed record ActResult(
    [property: Id(0)] long ClientSeq,
    [property: Id(1)] long EventSeq,
    [property: Id(2)] long TableVersion);
