using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Gateway.Relay;

/// <summary>
/// The <c>event</c> a table-hub client receives: the public part of a <see cref="TableEvent"/> plus, for a seated
/// player, their own <see cref="PrivateView"/> — never anybody else's.
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
