using System.Globalization;

namespace Orleans.Poker.Gateway.Load;

/// <summary>
/// How long a process's .NET runtime has spent in its JIT compiler so far, as the process reports it on its
/// <c>/metrics</c>: the servers through the <c>System.Runtime</c> meter, the bare hub of <c>--floor</c> with the same
/// line. It counts every compilation on every thread. The compiler's own thread, which the runtime starts for a burst
/// of methods to optimize and ends a few seconds after it, cannot be followed from outside: a burst that begins and
/// ends between two readings of the process's threads leaves no trace there. The figure is the compiler's elapsed
/// time, so on a busy machine it includes the waits for a core: an upper bound of its CPU.
/// </summary>
internal static class JitTime
{
    public const string Metric = "dotnet_jit_compilation_time_seconds_total";

    /// <summary>The line the bare hub answers on its <c>/metrics</c>, for its own runtime.</summary>
    public static string Own() => $"{Metric} {System.Runtime.JitInfo.GetCompilationTime().TotalSeconds.ToString("R", CultureInfo.InvariantCulture)}\n";

    /// <summary>The time in the JIT from a process's <c>/metrics</c> text; zero when it has no such line.</summary>
    public static TimeSpan Of(string metrics) => PrometheusCounter.Sum(metrics, Metric) is var seconds && double.IsNaN(seconds) ? TimeSpan.Zero : TimeSpan.FromSeconds(seconds);

    /// <summary>Reads it from <paramref name="metrics"/>.</summary>
    public static async Task<TimeSpan> Read(HttpClient http, Uri metrics, CancellationToken cancel) => Of(await http.GetStringAsync(metrics, cancel));
}
