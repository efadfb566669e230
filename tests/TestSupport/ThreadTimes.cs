namespace Orleans.Poker.TestSupport;

/// <summary>
/// What the threads of some processes did since a mark, from the kernel's per-thread figures
/// (<c>/proc/PID/task/TID/schedstat</c>): their time on a core, how long they waited, ready to run, for a core, and how
/// many times they got one. On a shared two-core machine every hop of an action from one thread to another pays that
/// wait, so a load tool prints it beside the latency. Counted per thread: one started after the mark counts whole, one
/// that ended drops out.
/// </summary>
public sealed class ThreadTimes
{
    private readonly Func<IEnumerable<int>> pids;
    private readonly Dictionary<(int Pid, int Tid), Figures> marked;

    private ThreadTimes(Func<IEnumerable<int>> pids)
    {
        this.pids = pids;
        marked = Read();
    }

    /// <summary>Marks the threads of process <paramref name="pid"/>.</summary>
    public static ThreadTimes Mark(int pid) => new(() => [pid]);

    /// <summary>Marks the threads of every process named <paramref name="name"/> (and counts the ones of that name started since).</summary>
    public static ThreadTimes Mark(string name) => new(() => ProcFs.Named(name).Select(p => p.Pid));

    /// <summary>The threads' figures since the mark, read once; zeros where the kernel keeps no such figures.</summary>
    public ThreadTime Since()
    {
        long onCore = 0, waited = 0, runs = 0;
        foreach (var (thread, now) in Read())
        {
            // A thread ID used again reads less than it was marked with: that thread counts whole.
            var before = marked.TryGetValue(thread, out var mark) && mark.OnCoreNs <= now.OnCoreNs && mark.WaitedNs <= now.WaitedNs && mark.Runs <= now.Runs ? mark : default;
            onCore += now.OnCoreNs - before.OnCoreNs;
            waited += now.WaitedNs - before.WaitedNs;
            runs += now.Runs - before.Runs;
        }

        return new ThreadTime(Ticks(onCore), Ticks(waited), runs);
    }

    private static TimeSpan Ticks(long ns) => TimeSpan.FromTicks(ns / 100);

    private Dictionary<(int Pid, int Tid), Figures> Read()
    {
        var threads = new Dictionary<(int Pid, int Tid), Figures>();
        foreach (var pid in pids())
        {
            foreach (var (tid, onCore, waited, runs) in ProcFs.Threads(pid))
            {
                threads[(pid, tid)] = new Figures(onCore, waited, runs);
            }
        }

        return threads;
    }

    private readonly record struct Figures(long OnCoreNs, long WaitedNs, long Runs);
}

/// <summary>
/// Threads' figures over a span (<see cref="ThreadTimes.Since"/>): time on a core, the wait for a core and the times
/// they got one.
/// </summary>
public readonly record struct ThreadTime(TimeSpan OnCore, TimeSpan Waited, long Runs);
