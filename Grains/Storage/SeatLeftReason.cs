namespace Orleans.Poker.Grains.Storage;

/// <summary>Why a seat was left (<c>seat_history.left_reason</c>).</summary>
public enum SeatLeftReason
{
    /// <summary>The player stood up.</summary>
    Left,

    /// <summary>An admin removed the player.</summary>
    Removed,

    /// <summary>Out of chips in a sit-and-go: the seat is kept for the finishing place, the play ends.</summary>
    Busted,

    /// <summary>The table closed (asked to, expired, or its sit-and-go ended).</summary>
    TableClosed,

    /// <summary>Stood up after sitting out longer than the table allows.</summary>
    SatOut,

    /// <summary>The leaving was never recorded (a silo died first); closed when the seat or the player sat again.</summary>
    Unknown,
}
