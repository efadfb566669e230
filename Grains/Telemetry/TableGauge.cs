using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Telemetry;

/// <summary>
/// What one activated table contributes to the gauges of <see cref="GameMetrics"/>: written by the table after each
/// stored change, read by a scrape on another thread (each figure on its own; a scrape may see one write's figures mixed
/// with the previous one's, never torn values).
/// </summary>
public sealed class TableGauge
{
    private int status = -1;
    private int humans;
    private int robots;
    private int waitlisted;

    /// <summary>The table's status; null before it is created.</summary>
    public TableStatus? Status => Volatile.Read(ref status) is var s and >= 0 ? (TableStatus)s : null;

    /// <summary>Created and not ended.</summary>
    public bool IsOpen => Status is { } s && s != TableStatus.Ended;

    public int Humans => Volatile.Read(ref humans);

    public int Robots => Volatile.Read(ref robots);

    public int Waitlisted => Volatile.Read(ref waitlisted);

    public void Set(TableStatus tableStatus, int seatedHumans, int seatedRobots, int waiting)
    {
        Volatile.Write(ref humans, seatedHumans);
        Volatile.Write(ref robots, seatedRobots);
        Volatile.Write(ref waitlisted, waiting);
        Volatile.Write(ref status, (int)tableStatus);
    }
}
