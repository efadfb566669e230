using System.Globalization;

namespace Orleans.Poker.TestSupport;

/// <summary>CPU time of the machine's processes by name, from <c>/proc</c>: what PostgreSQL or Redis spent around a measured window.</summary>
public static class ProcessCpu
{
    /// <summary>
    /// CPU time (user + system) of every process named <paramref name="name"/> (as in <c>/proc/PID/stat</c>, e.g.
    /// <c>postgres</c>, <c>redis-server</c>) so far; zero where there is no <c>/proc</c>. Processes that ended between two
    /// readings drop out, so read it around a window, not across a restart.
    /// </summary>
    public static TimeSpan Of(string name)
    {
        if (!Directory.Exists("/proc"))
        {
            return TimeSpan.Zero;
        }

        long ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                if (stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')] != name)
                {
                    continue;
                }

                // After the name: state is field 3, utime and stime fields 14 and 15 (clock ticks, 100 per second on Linux).
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or ArgumentOutOfRangeException)
            {
                // The process ended while being read, or is not a process directory.
            }
        }

        return TimeSpan.FromSeconds(ticks / 100.0);
    }
}
