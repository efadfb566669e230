namespace Orleans.Poker.TestSupport;

/// <summary>
/// How long the threads of some processes waited, ready to run, for a core since a mark, and how many times they got
/// one (the kernel's per-thread run delay, <c>/proc/PID/task/TID/schedstat</c>): on a shared two-core machine every hop
/// of an action from one thread to another pays that wait, so a load tool prints it beside the latency. Counted per
/// thread: one started after the mark counts whole, one that ended drops out.
/// </summary>
public sealed class RunQueueWait
{
    private readonly Func<IEnumerable<int>> pids;
    private readonly Dictionary<(int Pid, int Tid), (long WaitedNs, long Runs)> marked;

    private RunQueueWait(Func<IEnumerable<int>> pids)
    {
        this.pids = pids;
        marked = Read();
    }

    /// <summary>Marks the threads of process <paramref name="pid"/>.</summary>
    public static RunQueueWait Mark(int pid) => new(() => [pid]);

    /// <summary>Marks the threads of every process named <paramref name="name"/> (and counts the ones of that name started since).</summary>
    public static RunQueueWait Mark(string name) => new(() => ProcFs.Named(name).Select(p => p.Pid));

    /// <summary>The wait and the runs since the mark; zero and zero where the kernel keeps no such figures.</summary>
    public (TimeSpan Waited, long Runs) Since()
    {
        long waited = 0, runs = 0;
        foreach (var (thread, now) in Read())
        {
            // A thread ID used again reads less than it was marked with: that thread counts whole.
            var before = marked.TryGetValue(thread, out var mark) && mark.WaitedNs <= now.WaitedNs && mark.Runs <= now.Runs ? mark : default;
            waited += now.WaitedNs - before.WaitedNs;
            runs += now.Runs - before.Runs;
        }

        return (TimeSpan.FromTicks(waited / 100), runs);
    }

    private Dictionary<(int Pid, int Tid), (long WaitedNs, long Runs)> Read()
    {
        var threads = new Dictionary<(int Pid, int Tid), (long WaitedNs, long Runs)>();
        foreach (var pid in pids())
        {
            foreach (var (tid, waited, runs) in ProcFs.ThreadWaits(pid))
            {
                threads[(pid, tid)] = (waited, runs);
            }
        }

        return threads;
    }
}
