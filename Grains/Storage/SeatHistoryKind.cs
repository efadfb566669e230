namespace Orleans.Poker.Grains.Storage;

/// <summary>What a <see cref="SeatHistoryEvent"/> records.</summary>
public enum SeatHistoryKind
{
    SeatTaken,
    SeatLeft,
    WaitlistJoined,
    WaitlistEnded,

    /// <summary>The table closed: every wait still open there ends with <see cref="WaitlistOutcome.TableClosed"/>.</summary>
    WaitlistClosed,
}
