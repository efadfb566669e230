namespace Orleans.Poker.Grains.Interfaces.Templates;

/// <summary>How long a table lives.</summary>
public enum TableType
{
    /// <summary>Runs until an admin closes it; survives restarts.</summary>
    Persistent,

    /// <summary>Warns, then closes at its time-to-live and cashes everyone out.</summary>
    Expiring,

    /// <summary>Plays to one winner with rising blind levels.</summary>
    SitAndGo,
}
