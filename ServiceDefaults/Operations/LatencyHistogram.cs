namespace Orleans.Poker.ServiceDefaults.Operations;

/// <summary>
/// Durations (seconds) in logarithmic buckets 4 % wide from 1 µs to over 15 minutes: fixed memory whatever the rate,
/// and a percentile within 4 % of the exact one (clamped to the smallest and largest value recorded). Not thread safe:
/// <see cref="OperationsSummary"/> guards it.
/// </summary>
public sealed class LatencyHistogram
{
    private const double Smallest = 1e-6;
    private const double Growth = 1.04;
    private const int BucketCount = 530;
    private static readonly double LogGrowth = Math.Log(Growth);

    private readonly long[] counts = new long[BucketCount];
    private double min = double.MaxValue;
    private double max;

    /// <summary>Values recorded since the last <see cref="Reset"/>.</summary>
    public long Count { get; private set; }

    /// <summary>Adds a duration; negative and not-a-number values are ignored.</summary>
    public void Record(double seconds)
    {
        if (double.IsNaN(seconds) || seconds < 0)
        {
            return;
        }

        var index = seconds <= Smallest ? 0 : (int)Math.Min(BucketCount - 1, Math.Ceiling(Math.Log(seconds / Smallest) / LogGrowth));
        counts[index]++;
        Count++;
        min = Math.Min(min, seconds);
        max = Math.Max(max, seconds);
    }

    /// <summary>The value below which a share <paramref name="quantile"/> (0..1) of the recorded values lie; null when empty.</summary>
    public double? Percentile(double quantile)
    {
        if (Count == 0)
        {
            return null;
        }

        var rank = Math.Max(1, (long)Math.Ceiling(Math.Clamp(quantile, 0, 1) * Count));
        long seen = 0;
        for (var i = 0; i < BucketCount; i++)
        {
            seen += counts[i];
            if (seen >= rank)
            {
                return Math.Clamp(Smallest * Math.Pow(Growth, i), min, max);
            }
        }

        return max;
    }

    public void Reset()
    {
        Array.Clear(counts);
        Count = 0;
        min = double.MaxValue;
        max = 0;
    }
}
