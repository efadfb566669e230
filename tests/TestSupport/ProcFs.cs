using System.Globalization;

namespace Orleans.Poker.TestSupport;

/// <summary>The machine's processes as <c>/proc</c> shows them (nothing where there is no <c>/proc</c>).</summary>
internal static class ProcFs
{
    /// <summary>Every process named <paramref name="name"/> (its executable's name, as in <c>/proc/PID/stat</c>) with its stat line.</summary>
    public static IEnumerable<(int Pid, string Stat)> Named(string name)
    {
        if (!Directory.Exists("/proc"))
        {
            yield break;
        }

        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            string stat;
            try
            {
                stat = File.ReadAllText(Path.Combine(directory, "stat"));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The process ended while being read.
                continue;
            }

            var open = stat.IndexOf('(');
            var close = stat.LastIndexOf(')');
            if (open >= 0 && close > open && stat[(open + 1)..close] == name)
            {
                yield return (pid, stat);
            }
        }
    }

    /// <summary>
    /// Per thread of process <paramref name="pid"/>: its time on a core and how long it waited, ready to run, for one
    /// (the scheduler's run delay; both ns), and how many times it got one, from <c>/proc/PID/task/TID/schedstat</c>;
    /// empty when the kernel does not keep them or the process is gone.
    /// </summary>
    public static IEnumerable<(int Tid, long OnCoreNs, long WaitedNs, long Runs)> Threads(int pid)
    {
        string[] tasks;
        try
        {
            tasks = Directory.GetDirectories($"/proc/{pid}/task");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            yield break;
        }

        foreach (var task in tasks)
        {
            string[] fields;
            try
            {
                // Time on a core (ns), time waiting for one (ns), times it got one.
                fields = File.ReadAllText(Path.Combine(task, "schedstat")).Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            if (fields.Length >= 3
                && int.TryParse(Path.GetFileName(task), NumberStyles.None, CultureInfo.InvariantCulture, out var tid)
                && long.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var onCore)
                && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var waited)
                && long.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out var runs))
            {
                yield return (tid, onCore, waited, runs);
            }
        }
    }
}
