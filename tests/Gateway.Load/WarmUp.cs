using System.Diagnostics;

namespace Orleans.Poker.Gateway.Load;

/// <summary>
/// Waits until servers run as they will for days: at least the warm-up asked for, then until the .NET runtime's tiered
/// compilation in each used at most <see cref="QuietCores"/> of a core over <see cref="Interval"/>, or
/// <see cref="Longest"/> more passed. The bound is on a core, not on the process's own CPU: a lightly loaded process
/// compiles the odd method for minutes, a large share of its little CPU but next to nothing of the machine's. A window opened while a process still compiles its hot methods counts the
/// compiler and the slower early code. On this machine the gateways got there 70–80 s after the players sat down and
/// the bare hub, with less code, 30 s after its clients connected. Compared before both were warm, one side pays for
/// its warm-up in the ratio, so both sides of <c>--floor</c> wait for this.
/// </summary>
internal static class WarmUp
{
    /// <summary>The share of one core a process's compilation may take for it to count as warm (at six players a table, about 5 % of a gateway's CPU).</summary>
    public const double QuietCores = 0.01;

    /// <summary>How long each check looks at.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    /// <summary>The most a warm-up goes on beyond what was asked for.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(4);

    /// <summary>Warms <paramref name="processes"/> (names and PIDs) up for at least <paramref name="least"/>; how long it took.</summary>
    public static async Task<TimeSpan> Steady(IReadOnlyDictionary<string, int> processes, TimeSpan least, TextWriter log, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        await Task.Delay(least, cancel);
        while (true)
        {
            var marks = processes.ToDictionary(p => p.Key, p => ThreadTimes.Mark(p.Value));
            await Task.Delay(Interval, cancel);
            var compiling = marks.Select(m => (m.Key, Cores: m.Value.Since().Compiling / Interval))
                .Where(m => m.Cores > QuietCores).Select(m => $"{m.Key} {m.Cores:P1}").ToList();
            if (compiling.Count == 0)
            {
                return clock.Elapsed;
            }

            if (clock.Elapsed >= least + Longest)
            {
                log.WriteLine($"# still compiling after {clock.Elapsed.TotalSeconds:0} s ({string.Join(", ", compiling)} of a core); measuring anyway");
                return clock.Elapsed;
            }

            log.WriteLine($"# still compiling ({string.Join(", ", compiling)} of a core in {Interval.TotalSeconds:0} s); warming up longer");
        }
    }
}
