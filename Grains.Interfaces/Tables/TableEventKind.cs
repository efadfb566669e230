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
}
