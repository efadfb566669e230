namespace Orleans.Poker.Grains.Storage;

/// <summary>How a wait on a table's waitlist ended (<c>waitlist_history.outcome</c>).</summary>
public enum WaitlistOutcome
{
    /// <summary>The player sat down at the table (offered a held seat, or a free one).</summary>
    Seated,

    /// <summary>The player left the queue.</summary>
    Left,

    /// <summary>The seat held for the player was not taken in time.</summary>
    OfferExpired,

    /// <summary>The table closed while the player waited.</summary>
    TableClosed,

    /// <summary>The end was never recorded (a silo died first); closed when the player queued again.</summary>
    Unknown,
}
