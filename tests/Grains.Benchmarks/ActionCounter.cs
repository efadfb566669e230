namespace Orleans.Poker.Grains.Benchmarks;

/// <summary>Accepted and rejected actions across all bots, with the summed client round-trip time.</summary>
public sealed class ActionCounter
{
    private long accepted;
    private long rejected;
    private long latencyTicks;

    public long AcceptedCount => Interlocked.Read(ref accepted);

    public long RejectedCount => Interlocked.Read(ref rejected);

    public long LatencyTicks => Interlocked.Read(ref latencyTicks);

    /// <summary>Set at the end: bots stop acting.</summary>
    public bool Stopping { get; set; }

    public void Accepted(long ticks)
    {
        Interlocked.Increment(ref accepted);
        Interlocked.Add(ref latencyTicks, ticks);
    }

    public void Rejected() => Interlocked.Increment(ref rejected);
}
