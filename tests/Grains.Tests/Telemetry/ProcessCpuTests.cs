using System.Diagnostics;

namespace Orleans.Poker.Grains.Tests.Telemetry;

/// <summary>The benchmarks' reading of PostgreSQL's CPU (<see cref="ProcessCpu"/>) while its backends come and go.</summary>
public sealed class ProcessCpuTests : IDisposable
{
    // A copy of the shell under a name of its own: /proc names a process after its executable.
    private readonly string probe = Path.Combine(Path.GetTempPath(), $"cpuprobe{Random.Shared.Next(100_000, 999_999)}");

    public ProcessCpuTests()
    {
        if (OperatingSystem.IsLinux())
        {
            File.Copy("/bin/sh", probe);
        }
    }

    [Fact]
    public async Task A_process_that_ends_after_the_mark_drops_out_and_one_started_after_it_counts_whole()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var name = Path.GetFileName(probe);
        using var ended = Busy();
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var mark = ProcessCpu.Mark(name);
        ended.Kill();
        await ended.WaitForExitAsync();

        var started = Stopwatch.StartNew();
        using var later = Busy();
        await Task.Delay(TimeSpan.FromSeconds(0.5));
        var since = mark.Since();
        var alive = started.Elapsed;
        later.Kill();
        await later.WaitForExitAsync();

        // A difference of sums would be the later process's CPU less the ended one's (negative); the ended one's CPU
        // before the mark counted would be more than the later one's lifetime allows.
        Assert.InRange(since, TimeSpan.FromMilliseconds(20), alive + TimeSpan.FromMilliseconds(50));
    }

    [Fact]
    public async Task Busy_processes_beyond_the_cores_wait_for_one_and_a_process_that_ended_drops_out()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists($"/proc/{Environment.ProcessId}/task/{Environment.ProcessId}/schedstat"))
        {
            return;
        }

        var name = Path.GetFileName(probe);
        using var ended = Busy();
        var endedMark = ThreadTimes.Mark(ended.Id);
        var mark = ThreadTimes.Mark(name);
        var started = Stopwatch.StartNew();
        var busy = Enumerable.Range(0, Environment.ProcessorCount + 1).Select(_ => Busy()).ToList();
        await Task.Delay(TimeSpan.FromSeconds(1));
        ended.Kill();
        await ended.WaitForExitAsync();
        var (_, waited, runs) = mark.Since();
        var elapsed = started.Elapsed;
        foreach (var process in busy)
        {
            process.Kill();
            await process.WaitForExitAsync();
            process.Dispose();
        }

        // One more busy process than cores: at any moment at least one waits, so about a second of waiting in all
        // (started after the mark, they count whole); no thread can wait longer than the window.
        Assert.True(runs > 0);
        Assert.InRange(waited, TimeSpan.FromMilliseconds(200), elapsed * (busy.Count + 1));
        var endedSince = endedMark.Since();
        Assert.Equal((TimeSpan.Zero, 0L), (endedSince.Waited, endedSince.Runs));
    }

    [Fact]
    public async Task Time_on_a_core_counts_the_threads_of_the_marked_process()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists($"/proc/{Environment.ProcessId}/task/{Environment.ProcessId}/schedstat"))
        {
            return;
        }

        using var busy = Busy();
        var probeMark = ThreadTimes.Mark(busy.Id);
        var started = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(1));
        var probeOnCore = probeMark.Since().OnCore;
        var elapsed = started.Elapsed;
        busy.Kill();
        await busy.WaitForExitAsync();

        // The shell spins through the window (a second at least) whenever it gets a core.
        Assert.InRange(probeOnCore, TimeSpan.FromMilliseconds(50), elapsed + TimeSpan.FromMilliseconds(100));
    }

    public void Dispose() => File.Delete(probe);

    private Process Busy() => Process.Start(new ProcessStartInfo(probe, ["-c", "while :; do :; done"])) ?? throw new InvalidOperationException("the probe did not start");
}
