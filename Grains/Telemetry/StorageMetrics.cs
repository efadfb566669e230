using System.Diagnostics.Metrics;

namespace Orleans.Poker.Grains.Telemetry;

/// <summary>Storage in this silo (meter <see cref="MeterName"/>): each <c>StoreUnavailableException</c> raised, and the table journal's commits.</summary>
public sealed class StorageMetrics : IDisposable
{
    public const string MeterName = "Orleans.Poker.Storage";

    private readonly Counter<long> failures;
    private readonly Histogram<int> journalCommits;
    private long total;

    public StorageMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meter = meters.Create(MeterName);
        failures = Meter.CreateCounter<long>(
            "poker.storage.failures",
            "{failure}",
            "Database failures reported to callers as StoreUnavailable, by where they surfaced (grain_storage: grain state read/write/clear; grain_call: a store used inside a grain call) and operation");
        journalCommits = Meter.CreateHistogram<int>(
            "poker.storage.journal.commit_size",
            "{version}",
            "Table versions stored by one commit of the table journal (group commit: the claims of every table of the silo waiting at that moment)",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512] });
    }

    public Meter Meter { get; }

    /// <summary>Failures counted in this silo since it started (the insight rules read the difference between two checks).</summary>
    public long Total => Interlocked.Read(ref total);

    /// <summary>A failure of grain state storage (<paramref name="operation"/>: read, write, clear).</summary>
    public void GrainStorageFailed(string operation)
    {
        Interlocked.Increment(ref total);
        failures.Add(1, new KeyValuePair<string, object?>("source", "grain_storage"), new KeyValuePair<string, object?>("operation", operation));
    }

    /// <summary>A store's database failure inside a grain call.</summary>
    public void GrainCallFailed()
    {
        Interlocked.Increment(ref total);
        failures.Add(1, new KeyValuePair<string, object?>("source", "grain_call"), new KeyValuePair<string, object?>("operation", "call"));
    }

    /// <summary>One commit of the table journal, of <paramref name="versions"/> table versions.</summary>
    public void JournalCommitted(int versions) => journalCommits.Record(versions);

    public void Dispose() => Meter.Dispose();
}
