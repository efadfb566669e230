using System.Diagnostics;

namespace Orleans.Poker.Gateway.Load;

/// <summary>
/// Waits until servers run as they will for days: at least the warm-up asked for, then until the .NET runtime's tiered
/// compilation used at most <see cref="QuietShare"/> of each one's CPU over <see cref="Interval"/>, or
/// <see cref="Longest"/> more passed. A window opened while a process still compiles its hot methods counts the
/// compiler and the slower early code. On this machine the gateways got there 70–80 s after the players sat down and
/// the bare hub, with less code, 30 s after its clients connected. Compared before both were warm, one side pays for
/// its warm-up in the ratio, so both sides of <c>--floor</c> wait for this.
/// </summary>
internal static class WarmUp
{
    /// <summary>The share of a process's CPU its compilation may take for it to count as warm.</summary>
    public const double QuietShare = 0.05;

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
            var marks = processes.ToDictionary(p => p.Key, p => RunQueueWait.Mark(p.Value));
            await Task.Delay(Interval, cancel);
            var compiling = marks.Select(m => (m.Key, Share: CompilingShare(m.Value))).Where(m => m.Share > QuietShare).Select(m => $"{m.Key} {m.Share:P0}").ToList();
            if (compiling.Count == 0)
            {
                return clock.Elapsed;
            }

            if (clock.Elapsed >= least + Longest)
            {
                log.WriteLine($"# still compiling after {clock.Elapsed.TotalSeconds:0} s ({string.Join(", ", compiling)} of its CPU); measuring anyway");
                return clock.Elapsed;
            }

            log.WriteLine($"# still compiling ({string.Join(", ", compiling)} of its CPU in {Interval.TotalSeconds:0} s); warming up longer");
        }
    }

    /// <summary>The share of a process's CPU since <paramref name="mark"/> that went to its tiered compilation.</summary>
    public static double CompilingShare(RunQueueWait mark)
    {
        var (onCore, compiling) = mark.CoreTime();
        return onCore > TimeSpan.Zero ? compiling / onCore : 0;
    }
}
