using System.Diagnostics;
using System.Globalization;

namespace Orleans.Poker.Gateway.Load;

/// <summary>
/// One spawned server process (<c>dotnet &lt;dll&gt;</c> with <c>POKER__*</c> settings) whose readiness is its
/// <c>/health/ready</c>. Stopped by its PID: SIGTERM (graceful), then a kill if it does not exit in time.
/// </summary>
internal sealed class ServiceProcess : IDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(120);
    private readonly Process process;
    private readonly OutputTail output = new();
    private TimeSpan cpuMark;

    private ServiceProcess(string name, Process process, int httpPort, int metricsPort)
    {
        Name = name;
        this.process = process;
        HttpPort = httpPort;
        MetricsPort = metricsPort;
    }

    public string Name { get; }

    public int HttpPort { get; }

    public int Pid => process.Id;

    public Uri Url => new($"http://127.0.0.1:{HttpPort}");

    /// <summary>The management port, where <c>/metrics</c> answers anonymously (0: none).</summary>
    public int MetricsPort { get; }

    /// <summary>The process's last output lines, for failure messages.</summary>
    public string RecentOutput => output.Last(30);

    /// <summary>Starts <c>dotnet <paramref name="dll"/> [arguments]</c> with <paramref name="environment"/> on <paramref name="httpPort"/>.</summary>
    public static ServiceProcess Start(string name, string dll, int httpPort, IReadOnlyDictionary<string, string> environment, IEnumerable<string>? arguments = null)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"{dll} is missing: build it first (dotnet build -c Release tests/Gateway.Load builds the silo and the gateway)", dll);
        }

        var start = ServerProcesses.DotnetStartInfo(dll);
        foreach (var argument in arguments ?? [])
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment["POKER__Http__Host"] = "127.0.0.1";
        start.Environment["POKER__Http__Port"] = httpPort.ToString(CultureInfo.InvariantCulture);
        // Several processes on one host: a free management port each, not the defaults (9464+) that would collide.
        if (!start.Environment.TryGetValue("POKER__Telemetry__MetricsPort", out var metrics) || metrics is null)
        {
            start.Environment["POKER__Telemetry__MetricsPort"] = metrics = ServerProcesses.FreePort().ToString(CultureInfo.InvariantCulture);
        }

        var process = new Process { StartInfo = start };
        var service = new ServiceProcess(name, process, httpPort, int.Parse(metrics, CultureInfo.InvariantCulture));
        process.OutputDataReceived += (_, e) => service.output.Record(e.Data);
        process.ErrorDataReceived += (_, e) => service.output.Record(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>Polls <c>/health/ready</c> until it answers 200 (bounded).</summary>
    public Task WaitReadyAsync(HttpClient http) =>
        ServerProcesses.WaitReadyAsync(http, new Uri(Url, "/health/ready"), process, Name, ReadyTimeout, () => RecentOutput);

    /// <summary>Starts counting this process's CPU time from now.</summary>
    public void MarkCpu()
    {
        process.Refresh();
        cpuMark = process.TotalProcessorTime;
    }

    /// <summary>CPU time used since <see cref="MarkCpu"/>.</summary>
    public TimeSpan CpuSinceMark()
    {
        process.Refresh();
        return process.TotalProcessorTime - cpuMark;
    }

    /// <summary>SIGTERM by PID, then a kill when it has not exited within <paramref name="grace"/>.</summary>
    public void Stop(TimeSpan grace)
    {
        if (process.HasExited)
        {
            return;
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-TERM", Pid.ToString(CultureInfo.InvariantCulture) }, UseShellExecute = false }))
        {
            kill?.WaitForExit(5_000);
        }

        if (!process.WaitForExit(grace))
        {
            process.Kill();
            process.WaitForExit(5_000);
        }
    }

    public void Dispose()
    {
        try
        {
            Stop(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }

        process.Dispose();
    }
}
