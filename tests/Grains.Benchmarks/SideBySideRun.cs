namespace Orleans.Poker.Grains.Benchmarks;

/// <summary>
/// The cost of something (telemetry, analytics) as a ratio measured in one process. The same tables play throughout;
/// measured windows alternate between without it and with it (started before the window, stopped after it), so
/// whatever else loads the machine falls on both sides alike. Prints each side's actions/s and CPU per action and the
/// ratios on/off, as <c>{figure}_{name}_off|on</c>.
/// </summary>
public static class SideBySideRun
{
    public static async Task Run(TablesAtPlay play, string name, TimeSpan warmUp, TimeSpan window, int pairs, Func<IDisposable> turnOn)
    {
        await Task.Delay(warmUp);
        var off = new List<(double Rate, double Cpu)>();
        var on = new List<(double Rate, double Cpu)>();
        for (var pair = 0; pair < pairs; pair++)
        {
            // Alternate which side goes first, so a trend in the machine's load does not favour one side.
            foreach (var enabled in pair % 2 == 0 ? new[] { false, true } : [true, false])
            {
                using var side = enabled ? turnOn() : null;
                await Task.Delay(TimeSpan.FromSeconds(1)); // the side started, the last window's work drained
                var start = play.Sample();
                await Task.Delay(window);
                var end = play.Sample();
                (enabled ? on : off).Add((end.ActionsPerSecondSince(start), end.CpuMicrosecondsPerActionSince(start)));
                Figure.Note($"pair {pair + 1} {name} {(enabled ? "on " : "off")}: {end.ActionsPerSecondSince(start):0} actions/s, {end.CpuMicrosecondsPerActionSince(start):0.0} us CPU/action, load {LoadAverage()}");
            }
        }

        Figure.Print($"actions_per_s_{name}_off", off.Average(x => x.Rate), "actions/s");
        Figure.Print($"actions_per_s_{name}_on", on.Average(x => x.Rate), "actions/s");
        Figure.Print($"{name}_actions_ratio", on.Average(x => x.Rate) / off.Average(x => x.Rate), "on/off");
        Figure.Print($"cpu_us_per_action_{name}_off", off.Average(x => x.Cpu), "us");
        Figure.Print($"cpu_us_per_action_{name}_on", on.Average(x => x.Cpu), "us");
        Figure.Print($"{name}_cpu_ratio", on.Average(x => x.Cpu) / off.Average(x => x.Cpu), "on/off");

        // Each pair's two windows are seconds apart: the median of the pairs' ratios resists a load that swings between pairs.
        Figure.Print($"{name}_actions_ratio_median_pair", Median(on.Zip(off, (a, b) => a.Rate / b.Rate)), "on/off");
        Figure.Print($"{name}_cpu_ratio_median_pair", Median(on.Zip(off, (a, b) => a.Cpu / b.Cpu)), "on/off");
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";
}
