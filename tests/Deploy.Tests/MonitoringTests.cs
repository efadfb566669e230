using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Orleans.Poker.Deploy.Tests;

/// <summary>
/// <c>infra/monitoring</c>: the Prometheus configuration is valid, and every alert rule is unit-tested with
/// <c>promtool</c> (Debian's <c>prometheus</c> package, installed by infra/test.sh) on synthetic series.
/// </summary>
public sealed partial class MonitoringTests
{
    [Fact]
    public void The_prometheus_configuration_and_its_rules_are_valid()
    {
        var (exit, output) = Promtool("check", "config", Repo.PathOf("infra/monitoring/prometheus.yml"));

        Assert.True(exit == 0, output);
        Assert.Contains("SUCCESS: 11 rules found", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_alert_rule_fires_on_the_series_that_break_it_and_only_there()
    {
        var (exit, output) = Promtool("test", "rules", Repo.PathOf("infra/monitoring/tests/alerts.test.yml"));

        Assert.True(exit == 0, output);
        Assert.Contains("SUCCESS", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_alert_has_a_unit_test()
    {
        var rules = AlertName().Matches(Repo.Read("infra/monitoring/alerts.yml")).Select(m => m.Groups["name"].Value).ToHashSet();
        var tested = TestedAlert().Matches(Repo.Read("infra/monitoring/tests/alerts.test.yml")).Select(m => m.Groups["name"].Value).ToHashSet();

        Assert.Equal(11, rules.Count);
        Assert.Empty(rules.Except(tested));
    }

    private static (int Exit, string Output) Promtool(params string[] arguments)
    {
        const string promtool = "/usr/bin/promtool";
        Assert.True(File.Exists(promtool), $"{promtool} is missing: infra/test.sh installs Debian's prometheus package");
        var start = new ProcessStartInfo(promtool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), "promtool did not finish");
        return (process.ExitCode, output.Result + errors.Result);
    }

    [GeneratedRegex(@"^\s+- alert: (?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex AlertName();

    [GeneratedRegex(@"^\s+alertname: (?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex TestedAlert();
}
