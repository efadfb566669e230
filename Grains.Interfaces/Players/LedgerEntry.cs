namespace Orleans.Poker.Grains.Interfaces.Players;

/// <summary>One recorded change of a balance. <see cref="TransferId"/> is unique: a retried transfer is applied once.</summary>
[GenerateSerializer, Immutable, Alias("poker.ledger-entry.v1")]
public sealed record LedgerEntry(
    [property: Id(0)] string TransferId,
    [property: Id(1)] long PlayerId,
    [property: Id(2)] LedgerKind Kind,
    [property: Id(3)] long Amount,
    [property: Id(4)] long BalanceAfter,
    [property: Id(5)] string? TableId,
    [property: Id(6)] string? Note,
    [property: Id(7)] DateTimeOffset At);
