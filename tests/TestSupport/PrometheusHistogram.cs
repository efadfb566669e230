using System.Globalization;

namespace Orleans.Poker.TestSupport;

/// <summary>
/// One histogram read from Prometheus text (<c>/metrics</c>): the cumulative count at each bucket's upper bound, over
/// every series of that name whose labels contain the filters (added up). Two readings give the histogram of what happened
/// between them (<see cref="Minus"/>), and its quantiles are interpolated inside a bucket as Prometheus'
/// <c>histogram_quantile</c> does.
/// </summary>
public sealed class PrometheusHistogram
{
    private readonly SortedDictionary<double, double> buckets;

    private PrometheusHistogram(SortedDictionary<double, double> buckets) => this.buckets = buckets;

    /// <summary>An empty histogram (no observations).</summary>
    public static PrometheusHistogram Empty { get; } = new([]);

    /// <summary>Observations counted.</summary>
    public double Count => buckets.Count == 0 ? 0 : buckets[double.PositiveInfinity];

    /// <summary>The series of <c>{name}_bucket</c> in <paramref name="text"/> whose labels contain each of <paramref name="labels"/>, added up.</summary>
    public static PrometheusHistogram Parse(string text, string name, params string[] labels)
    {
        var buckets = new SortedDictionary<double, double>();
        foreach (var (set, count) in PrometheusSeries.Of(text, name + "_bucket"))
        {
            var le = set.IndexOf("le=\"", StringComparison.Ordinal);
            if (le < 0 || !labels.All(l => set.Contains(l, StringComparison.Ordinal)))
            {
                continue;
            }

            var bound = set[(le + 4)..set.IndexOf('"', le + 4)];
            var upper = bound == "+Inf" ? double.PositiveInfinity : double.Parse(bound, CultureInfo.InvariantCulture);
            buckets[upper] = buckets.GetValueOrDefault(upper) + count;
        }

        return new(buckets);
    }

    /// <summary>The observations of both.</summary>
    public PrometheusHistogram Add(PrometheusHistogram other) => Combine(other, 1);

    /// <summary>The observations made after <paramref name="earlier"/> was read.</summary>
    public PrometheusHistogram Minus(PrometheusHistogram earlier) => Combine(earlier, -1);

    /// <summary>
    /// The <paramref name="q"/> quantile, in the histogram's unit: linear inside the bucket it falls in; the highest
    /// finite bound when it falls beyond it; NaN without observations.
    /// </summary>
    public double Quantile(double q)
    {
        var total = Count;
        if (total <= 0)
        {
            return double.NaN;
        }

        var rank = q * total;
        double lower = 0, below = 0;
        foreach (var (upper, count) in buckets)
        {
            if (count >= rank)
            {
                return double.IsPositiveInfinity(upper) ? lower : lower + ((upper - lower) * (rank - below) / Math.Max(count - below, double.Epsilon));
            }

            (lower, below) = (upper, count);
        }

        return lower;
    }

    private PrometheusHistogram Combine(PrometheusHistogram other, int sign)
    {
        var buckets = new SortedDictionary<double, double>(this.buckets);
        foreach (var (upper, count) in other.buckets)
        {
            buckets[upper] = buckets.GetValueOrDefault(upper) + (sign * count);
        }

        return new(buckets);
    }
}
