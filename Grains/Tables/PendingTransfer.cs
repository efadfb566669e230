namespace Orleans.Poker.Grains.Tables;

/// <summary>
/// A chip move between this table and a player's balance that was decided (and persisted) but not yet confirmed
/// by the player grain. Retried with the same transfer id until confirmed, so a crash never creates or loses chips.
/// </summary>
[GenerateSerializer, Alias("poker.pending-transfer.v1")]
public sealed class PendingTransfer
{
    [Id(0)] public string TransferId { get; set; } = "";

    [Id(1)] public long PlayerId { get; set; }

    [Id(2)] public long Amount { get; set; }

    /// <summary>True: balance → table (a buy-in to confirm, or to refund if the sit was abandoned). False: table → balance.</summary>
    [Id(3)] public bool ToTable { get; set; }

    [Id(4)] public Grains.Interfaces.Players.LedgerKind Kind { get; set; }
}
