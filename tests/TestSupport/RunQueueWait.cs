namespace Orleans.Poker.TestSupport;

/// <summary>
/// How long the threads of some processes waited, ready to run, for a core since a mark, and how many times they got
/// one (the kernel's per-thread run delay, <c>/proc/PID/task/TID/schedstat</c>): on a shared two-core machine every hop
/// of an action from one thread to another pays that wait, so a load tool prints it beside the latency. Also their time
/// on a core, and the part of it the .NET runtime spent compiling hot methods again (<see cref="CoreTime"/>), which
/// says whether a process has warmed up. Counted per thread: one started after the mark counts whole, one that ended
/// drops out.
/// </summary>
public sealed class RunQueueWait
{
    /// <summary>What .NET names the thread that compiles hot methods again, optimized (tiered compilation; 15 characters at most).</summary>
    public const string CompilingThread = ".NET Tiered Com";

    private readonly Func<IEnumerable<int>> pids;
    private readonly Dictionary<(int Pid, int Tid), Figures> marked;

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
        var since = Sum();
        return (since.Waited, since.Runs);
    }

    /// <summary>
    /// The threads' time on a core since the mark, and the part of it spent by the runtime's tiered compilation
    /// (<see cref="CompilingThread"/>): while that part is more than a few percent, the process is still warming up.
    /// </summary>
    public (TimeSpan OnCore, TimeSpan Compiling) CoreTime()
    {
        var since = Sum();
        return (since.OnCore, since.Compiling);
    }

    private (TimeSpan OnCore, TimeSpan Compiling, TimeSpan Waited, long Runs) Sum()
    {
        long onCore = 0, compiling = 0, waited = 0, runs = 0;
        foreach (var (thread, now) in Read())
        {
            // A thread ID used again reads less than it was marked with: that thread counts whole.
            var before = marked.TryGetValue(thread, out var mark) && mark.OnCoreNs <= now.OnCoreNs && mark.WaitedNs <= now.WaitedNs && mark.Runs <= now.Runs ? mark : default;
            onCore += now.OnCoreNs - before.OnCoreNs;
            compiling += now.Compiling ? now.OnCoreNs - before.OnCoreNs : 0;
            waited += now.WaitedNs - before.WaitedNs;
            runs += now.Runs - before.Runs;
        }

        return (Ticks(onCore), Ticks(compiling), Ticks(waited), runs);
    }

    private static TimeSpan Ticks(long ns) => TimeSpan.FromTicks(ns / 100);

    private Dictionary<(int Pid, int Tid), Figures> Read()
    {
        var threads = new Dictionary<(int Pid, int Tid), Figures>();
        foreach (var pid in pids())
        {
            foreach (var (tid, name, onCore, waited, runs) in ProcFs.Threads(pid))
            {
                threads[(pid, tid)] = new Figures(name.StartsWith(CompilingThread, StringComparison.Ordinal), onCore, waited, runs);
            }
        }

        return threads;
    }

    private readonly record struct Figures(bool Compiling, long OnCoreNs, long WaitedNs, long Runs);
}
