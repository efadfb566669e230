namespace Orleans.Poker.Grains.Interfaces.Tables;

/// <summary>Life cycle of a table: waiting for players, playing, paused by an admin, ended.</summary>
public enum TableStatus
{
    Waiting,
    Active,
    Paused,
    Ended,
}
