namespace Orleans.Poker.Grains.Interfaces.Tables;

/// <summary>The table as one viewer sees it now: the public view plus, for a seated player, their private part.</summary>
[GenerateSerializer, Immutable, Alias("poker.table-snapshot.v1")]
public sealed record TableSnapshot(
    [property: Id(0)] long EventSeq,
    [property: Id(1)] long TableVersion,
    [property: Id(2)] TableView View,
    [property: Id(3)] PrivateView? Mine);
