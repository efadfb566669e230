using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Orleans.Poker.TestSupport;

/// <summary>
/// What the tests and the load tool share to run server processes on loopback: free ports and waiting for
/// <c>/health/ready</c>.
/// </summary>
public static class ServerProcesses
{
    /// <summary><c>dotnet <paramref name="dll"/></c> in the dll's folder, its output and errors redirected (to read into an <see cref="OutputTail"/>).</summary>
    public static ProcessStartInfo DotnetStartInfo(string dll)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        return start;
    }

    /// <summary>A loopback port nobody listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>
    /// Polls <paramref name="url"/> until it answers 200; fails early when <paramref name="process"/> exits and after
    /// <paramref name="timeout"/>, with <paramref name="describe"/> (e.g. its recent output) in the message.
    /// </summary>
    public static async Task WaitReadyAsync(HttpClient http, Uri url, Process process, string name, TimeSpan timeout, Func<string> describe)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} (pid {process.Id}) exited with {process.ExitCode}:\n{describe()}");
            }

            try
            {
                using var response = await http.GetAsync(url);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // A slow answer while it starts.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{name} (pid {process.Id}) not ready after {timeout.TotalSeconds} s:\n{describe()}");
    }
}

/// <summary>The last lines a process wrote (bounded), for failure messages.</summary>
public sealed class OutputTail
{
    private const int Kept = 200;
    private readonly ConcurrentQueue<string> lines = new();

    public void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        lines.Enqueue(line);
        while (lines.Count > Kept && lines.TryDequeue(out _))
        {
        }
    }

    public string Last(int count) => string.Join('\n', lines.TakeLast(count));
}
