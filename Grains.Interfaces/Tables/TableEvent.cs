namespace Orleans.Poker.Grains.Interfaces.Tables;

/// <summary>
/// One change of a table. <see cref="EventSeq"/> grows by one per event, so a gap means a missed event.
/// <see cref="View"/> is the public state after the change; <see cref="Private"/> carries each seated player's
/// own part, which a relay must deliver only to that player.
/// </summary>
[GenerateSerializer, Immutable, Alias("poker.table-event.v1")]
public sealed record TableEvent(
    [property: Id(0)] string TableId,
    [property: Id(1)] long EventSeq,
    [property: Id(2)] long TableVersion,
    [property: Id(3)] TableEventKind Kind,
    [property: Id(4)] string Description,
    [property: Id(5)] TableView View,
    [property: Id(6)] IReadOnlyList<PrivateView> Private,
    [property: Id(7)] HandResult? Result = null);
