using System.Diagnostics;

namespace Orleans.Poker.Gateway.Load;

/// <summary>
/// Waits until servers run as they will for days: at least the warm-up asked for, then until the .NET runtime of each
/// spent at most <see cref="QuietCores"/> of a core in its JIT compiler over <see cref="Interval"/> (<see cref="JitTime"/>),
/// or <see cref="Longest"/> more passed. The bound is on a core, not on the process's own CPU: a lightly loaded process
/// compiles the odd method for a long time, a large share of its little CPU but next to nothing of the machine's. A
/// window opened while a process still compiles counts the compiler and the slower early code. A gateway goes on
/// compiling for minutes after its hot paths are optimized, a burst at a time: the code it runs every few seconds or
/// every minute (reading the silos' list from Redis every five seconds, renewing its tables' subscriptions every
/// minute, Orleans' and OpenTelemetry's timers) reaches the runtime's call counts late. Hence an interval long enough
/// to see the bursts and a bound of about 1 % of a gateway's CPU at six players a table. Compared before both were
/// warm, one side pays for its warm-up in the ratio, so both sides of <c>--floor</c> wait for this.
/// </summary>
internal static class WarmUp
{
    /// <summary>The share of one core a process's compilation may take for it to count as warm (2 ms a second).</summary>
    public const double QuietCores = 0.002;

    /// <summary>How long each check looks at.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    /// <summary>The most a warm-up goes on beyond what was asked for.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(8);

    /// <summary>
    /// Warms the processes whose <c>/metrics</c> are <paramref name="metrics"/> (by name) up for at least
    /// <paramref name="least"/>; how long it took.
    /// </summary>
    public static async Task<TimeSpan> Steady(IReadOnlyDictionary<string, Uri> metrics, HttpClient http, TimeSpan least, TextWriter log, CancellationToken cancel)
    {
        var clock = Stopwatch.StartNew();
        await Task.Delay(least, cancel);
        while (true)
        {
            var before = await Read();
            var interval = Stopwatch.StartNew();
            await Task.Delay(Interval, cancel);
            var after = await Read();
            var elapsed = interval.Elapsed;
            var compiling = after.Select(m => (m.Key, Cores: (m.Value - before[m.Key]) / elapsed))
                .Where(m => m.Cores > QuietCores).Select(m => $"{m.Key} {m.Cores:P2}").ToList();
            if (compiling.Count == 0)
            {
                return clock.Elapsed;
            }

            if (clock.Elapsed >= least + Longest)
            {
                log.WriteLine($"# still compiling after {clock.Elapsed.TotalSeconds:0} s ({string.Join(", ", compiling)} of a core); measuring anyway");
                return clock.Elapsed;
            }

            log.WriteLine($"# still compiling ({string.Join(", ", compiling)} of a core over {Interval.TotalSeconds:0} s); warming up longer");
        }

        async Task<Dictionary<string, TimeSpan>> Read()
        {
            var read = await Task.WhenAll(metrics.Select(async m => (m.Key, Jit: await JitTime.Read(http, m.Value, cancel))));
            return read.ToDictionary(r => r.Key, r => r.Jit);
        }
    }
}
