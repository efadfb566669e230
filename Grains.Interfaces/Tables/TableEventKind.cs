namespace Orleans.Poker.Grains.Interfaces.Tables;

/// <summary>What made the table change.</summary>
public enum TableEventKind
{
    Seated,
    Left,
    SatOut,
    SatIn,
    HandStarted,
    Action,
    StreetDealt,
    HandFinished,
    Timeout,
    SeatOffered,
    ExpiryWarning,
    StatusChanged,
    LevelUp,
    TimeBank,

    /// <summary>A player who sat out too long was stood up and cashed out (they are no longer in the view).</summary>
    StoodUp,

    /// <summary>
    /// A player joined or left the table's waitlist (not by taking a seat, which is its own event): those queued read
    /// their new places, at a table that deals no hand as at one that does.
    /// </summary>
    WaitlistChanged,
}
