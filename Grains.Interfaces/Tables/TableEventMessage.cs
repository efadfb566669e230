namespace Orleans.Poker.Grains.Interfaces.Tables;

/// <summary>
/// The <c>event</c> a table-hub client receives: the public part of a <see cref="TableEvent"/> plus, for a seated
/// player, their own <see cref="PrivateView"/> — never anybody else's. The table serializes it for the gateways
/// (<see cref="TableFeedEvent"/>); <see cref="Mine"/> stays the last property, where a gateway puts each player's own part.
/// </summary>
public sealed record TableEventMessage(
    string TableId,
    long EventSeq,
    long TableVersion,
    TableEventKind Kind,
    string Description,
    TableView View,
    HandResult? Result,
    PrivateView? Mine);
