using System.Globalization;

namespace Orleans.Poker.TestSupport;

/// <summary>
/// CPU time of the machine's processes by name, from <c>/proc</c>, since a mark: what PostgreSQL or Redis spent in a
/// measured window. Counted per process: one that started after the mark counts whole, one that ended before the
/// reading drops out (its last moments are lost, never subtracted: a backend that closed used to make the figure
/// negative).
/// </summary>
public sealed class ProcessCpu
{
    private readonly string name;
    private readonly Dictionary<int, long> marked;

    private ProcessCpu(string name, Dictionary<int, long> marked)
    {
        this.name = name;
        this.marked = marked;
    }

    /// <summary>Marks the CPU time (user + system) so far of every process named <paramref name="name"/> (as in <c>/proc/PID/stat</c>, e.g. <c>postgres</c>, <c>redis-server</c>).</summary>
    public static ProcessCpu Mark(string name) => new(name, Read(name));

    /// <summary>The CPU time those processes, and the ones of that name started since, used after the mark; zero where there is no <c>/proc</c>.</summary>
    public TimeSpan Since()
    {
        long ticks = 0;
        foreach (var (pid, now) in Read(name))
        {
            // A PID used again by a newer process reads less than it was marked with: that process counts whole.
            ticks += marked.TryGetValue(pid, out var before) && before <= now ? now - before : now;
        }

        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    private static Dictionary<int, long> Read(string name)
    {
        var ticks = new Dictionary<int, long>();
        foreach (var (pid, stat) in ProcFs.Named(name))
        {
            try
            {
                // After the name: state is field 3, utime and stime fields 14 and 15 (clock ticks, 100 per second on Linux).
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks[pid] = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentOutOfRangeException)
            {
                // Not a stat line this reading understands.
            }
        }

        return ticks;
    }
}
