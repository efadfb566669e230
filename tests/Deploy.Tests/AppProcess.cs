using System.Diagnostics;

namespace Orleans.Poker.Deploy.Tests;

/// <summary>
/// A built application (<c>dotnet &lt;dll&gt;</c>) started with its environment, its output kept (the first line
/// apart), ready once <c>/health/ready</c> answers 200. Dispose kills it (and only it) by its PID.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private readonly Process process;
    private readonly OutputTail output = new();
    private readonly TaskCompletionSource<string> firstLine = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppProcess(Process process, string name, int httpPort)
    {
        this.process = process;
        Name = name;
        HttpPort = httpPort;
    }

    public string Name { get; }

    public int HttpPort { get; }

    /// <summary>The first line the process wrote.</summary>
    public Task<string> FirstLine => firstLine.Task;

    public string RecentOutput => output.Last(40);

    /// <summary>Starts <paramref name="dll"/> listening on a free port set in <paramref name="portVariable"/>.</summary>
    public static async Task<AppProcess> StartAsync(string name, string dll, string portVariable, IReadOnlyDictionary<string, string> environment)
    {
        var httpPort = ServerProcesses.FreePort();
        var start = ServerProcesses.DotnetStartInfo(dll);
        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("POKER__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_gcServer"] = "0";
        start.Environment["POKER__Logging__Format"] = "text";
        start.Environment["POKER__Http__Host"] = "127.0.0.1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        start.Environment[portVariable] = httpPort.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var app = new AppProcess(new Process { StartInfo = start }, name, httpPort);
        DataReceivedEventHandler record = (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            app.firstLine.TrySetResult(e.Data);
            app.output.Record(e.Data);
        };
        app.process.OutputDataReceived += record;
        app.process.ErrorDataReceived += record;
        app.process.Start();
        app.process.BeginOutputReadLine();
        app.process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            await ServerProcesses.WaitReadyAsync(
                http, new Uri($"http://127.0.0.1:{httpPort}/health/ready"), app.process, name, TimeSpan.FromSeconds(120), () => app.RecentOutput);
        }
        catch
        {
            app.Dispose();
            throw;
        }

        return app;
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }

        process.Dispose();
    }
}
