namespace Orleans.Poker.Grains.Players;

/// <summary>Play-money rules of the player grains (bound from configuration by the silo, or the defaults).</summary>
public sealed class PlayerOptions
{
    /// <summary>Chips granted on registration; the daily top-up refills up to this.</summary>
    public long StartingBalance { get; set; } = 10_000;

    /// <summary>Time between two top-ups.</summary>
    public TimeSpan TopUpInterval { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How many applied transfer ids the grain remembers (older retries rely on the ledger's unique id).</summary>
    public int RememberedTransfers { get; set; } = 1_000;
}
