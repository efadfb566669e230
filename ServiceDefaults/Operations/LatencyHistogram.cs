namespace Orleans.Poker.ServiceDefaults.Operations;

/// <summary>
/// Durations (seconds) in logarithmic buckets 4 % wide from 1 µs to over 15 minutes: fixed memory whatever the rate,
/// and percentiles within 4 % of the exact ones. <see cref="Record"/> is lock free (any thread, on the action path);
/// <see cref="Take"/> returns what was recorded since the previous take and is called by one thread at a time.
/// </summary>
public sealed class LatencyHistogram
{
    private const double Smallest = 1e-6;
    private const double Growth = 1.04;
    private const int BucketCount = 530;
    private static readonly double LogGrowth = Math.Log(Growth);

    // Running totals (only ever incremented) and their values at the last take: a take never loses a racing record.
    private readonly long[] counts = new long[BucketCount];
    private readonly long[] taken = new long[BucketCount];

    /// <summary>Adds a duration; negative and not-a-number values are ignored.</summary>
    public void Record(double seconds)
    {
        if (double.IsNaN(seconds) || seconds < 0)
        {
            return;
        }

        var index = seconds <= Smallest ? 0 : (int)Math.Min(BucketCount - 1, Math.Ceiling(Math.Log(seconds / Smallest) / LogGrowth));
        Interlocked.Increment(ref counts[index]);
    }

    /// <summary>The values recorded since the previous take.</summary>
    public Interval Take()
    {
        var interval = new long[BucketCount];
        long total = 0;
        for (var i = 0; i < BucketCount; i++)
        {
            var now = Volatile.Read(ref counts[i]);
            interval[i] = now - taken[i];
            taken[i] = now;
            total += interval[i];
        }

        return new Interval(interval, total);
    }

    /// <summary>The bucket counts of one interval.</summary>
    public sealed class Interval(long[] counts, long total)
    {
        public long Count { get; } = total;

        /// <summary>
        /// The value below which a share <paramref name="quantile"/> (0..1) of the values lie (the upper bound of its
        /// bucket: at most 4 % above the exact value); null when the interval is empty.
        /// </summary>
        public double? Percentile(double quantile)
        {
            if (Count == 0)
            {
                return null;
            }

            var rank = Math.Max(1, (long)Math.Ceiling(Math.Clamp(quantile, 0, 1) * Count));
            long seen = 0;
            for (var i = 0; i < counts.Length; i++)
            {
                seen += counts[i];
                if (seen >= rank)
                {
                    return Smallest * Math.Pow(Growth, i);
                }
            }

            return Smallest * Math.Pow(Growth, counts.Length - 1);
        }
    }
}
