using System.Globalization;

namespace Orleans.Poker.TestSupport;

/// <summary>The series of one metric in Prometheus text (<c>/metrics</c>): each one's labels and value.</summary>
internal static class PrometheusSeries
{
    /// <summary>Every line of exactly <paramref name="name"/>: the text between its braces (empty without any) and its value.</summary>
    public static IEnumerable<(string Labels, double Value)> Of(string text, string name)
    {
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith(name, StringComparison.Ordinal) || line.Length <= name.Length || line[name.Length] is not ('{' or ' '))
            {
                continue;
            }

            var close = line.LastIndexOf('}');
            var labels = close < 0 ? "" : line[(name.Length + 1)..close];
            yield return (labels, double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
        }
    }
}
