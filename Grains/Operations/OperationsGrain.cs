using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Operations;

namespace Orleans.Poker.Grains.Operations;

/// <summary>
/// The last hour of every process's operations samples, in memory: a ring per process, trimmed by age and count.
/// Losing it with its silo costs an hour of charts, never a game figure (Prometheus keeps the long history), so it is
/// not persisted; the collection age outlasts the window so an idle hour does not drop it early.
/// </summary>
[CollectionAgeLimit(Minutes = 75)]
public sealed class OperationsGrain(TimeProvider time, ILogger<OperationsGrain> logger) : Grain, IOperationsGrain
{
    /// <summary>How far back samples are kept.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(1);

    /// <summary>Samples kept per process: one a second for the window (reporters send one every 10 s by default).</summary>
    public const int MaxSamplesPerProcess = 3600;

    /// <summary>Processes kept; past it the one silent longest is forgotten.</summary>
    public const int MaxProcesses = 200;

    private const int MaxTextLength = 200;

    private readonly Dictionary<string, Ring> rings = new(StringComparer.Ordinal);

    public Task Record(OperationsProcess process, OperationsSample sample)
    {
        ArgumentNullException.ThrowIfNull(process);
        ArgumentNullException.ThrowIfNull(sample);
        if (!Valid(process.Kind) || !Valid(process.Id) || !Valid(process.Version))
        {
            throw new ArgumentException("A process needs a kind, an id and a version of at most 200 characters.", nameof(process));
        }

        var now = time.GetUtcNow();
        var key = process.Kind + "/" + process.Id;
        if (!rings.TryGetValue(key, out var ring))
        {
            Trim(now);
            if (rings.Count >= MaxProcesses)
            {
                rings.Remove(rings.MinBy(r => r.Value.LastSeen).Key);
            }

            ring = new Ring();
            rings[key] = ring;
            logger.LogInformation("Operations: {Kind} {ProcessId} version {Version} reports (started {StartedAt})", process.Kind, process.Id, process.Version, process.StartedAt);
        }
        else if (ring.Process is { } known && known.StartedAt != process.StartedAt)
        {
            logger.LogInformation("Operations: {Kind} {ProcessId} restarted (version {Version}, started {StartedAt})", process.Kind, process.Id, process.Version, process.StartedAt);
        }

        ring.Process = process;
        ring.LastSeen = now;
        ring.LastSampleAt = sample.At;
        ring.Samples.Enqueue(sample);
        while (ring.Samples.Count > MaxSamplesPerProcess)
        {
            ring.Samples.Dequeue();
        }

        return Task.CompletedTask;
    }

    public Task<OperationsReport> Report()
    {
        var now = time.GetUtcNow();
        Trim(now);
        IReadOnlyList<ProcessSeries> processes = rings.Values
            .OrderBy(r => KindOrder(r.Process!.Kind)).ThenBy(r => r.Process!.Kind, StringComparer.Ordinal).ThenBy(r => r.Process!.Id, StringComparer.Ordinal)
            .Select(r => new ProcessSeries { Process = r.Process!, LastSeen = r.LastSeen, Samples = [.. r.Samples] })
            .ToList();
        return Task.FromResult(new OperationsReport { At = now, Window = Window, Processes = processes });
    }

    /// <summary>Drops samples older than the window (by the time they arrived) and processes left without any.</summary>
    private void Trim(DateTimeOffset now)
    {
        var oldest = now - Window;
        foreach (var (key, ring) in rings.ToList())
        {
            // Samples carry the reporter's clock; a process whose clock runs behind still keeps its recent samples.
            var skew = ring.LastSeen - ring.LastSampleAt;
            while (ring.Samples.TryPeek(out var first) && first.At + skew < oldest)
            {
                ring.Samples.Dequeue();
            }

            if (ring.Samples.Count == 0)
            {
                rings.Remove(key);
            }
        }
    }

    private static bool Valid(string? text) => !string.IsNullOrWhiteSpace(text) && text.Length <= MaxTextLength;

    private static int KindOrder(string kind) => kind switch
    {
        OperationsProcess.SiloRole => 0,
        OperationsProcess.GatewayRole => 1,
        OperationsProcess.BotRole => 2,
        _ => 3,
    };

    private sealed class Ring
    {
        public OperationsProcess? Process { get; set; }

        public DateTimeOffset LastSeen { get; set; }

        public DateTimeOffset LastSampleAt { get; set; }

        public Queue<OperationsSample> Samples { get; } = new();
    }
}
