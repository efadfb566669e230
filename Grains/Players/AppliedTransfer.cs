namespace Orleans.Poker.Grains.Players;

/// <summary>A transfer id the player grain applied, with its ledger time.</summary>
[GenerateSerializer, Immutable, Alias("poker.applied-transfer.v1")]
public sealed record AppliedTransfer(
    [property: Id(0)] string TransferId,
    [property: Id(1)] DateTimeOffset At);
