using System.Diagnostics;

namespace Orleans.Poker.Cluster.Tests;

/// <summary>Waits for a started server process to answer <c>/health/ready</c> (shared by the cluster tests and the load tool).</summary>
public static class ReadyProbe
{
    /// <summary>
    /// Polls <paramref name="url"/> until it answers 200; fails early when <paramref name="process"/> exits and after
    /// <paramref name="timeout"/>, with <paramref name="describe"/> (e.g. its recent output) in the message.
    /// </summary>
    public static async Task WaitAsync(HttpClient http, Uri url, Process process, string name, TimeSpan timeout, Func<string> describe)
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
