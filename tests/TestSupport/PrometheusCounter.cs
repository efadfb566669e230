namespace Orleans.Poker.TestSupport;

/// <summary>A counter or gauge read from Prometheus text (<c>/metrics</c>): every series of that name added up.</summary>
public static class PrometheusCounter
{
    /// <summary>The sum of the series named <paramref name="name"/> in <paramref name="text"/>; NaN when there is none.</summary>
    public static double Sum(string text, string name)
    {
        var sum = double.NaN;
        foreach (var (_, value) in PrometheusSeries.Of(text, name))
        {
            sum = double.IsNaN(sum) ? value : sum + value;
        }

        return sum;
    }
}
