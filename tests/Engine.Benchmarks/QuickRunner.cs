using System.Globalization;

namespace Orleans.Poker.Engine.Benchmarks;

/// <summary>Runs the quick figures (all, or those named) and prints <c>name value unit</c> per line.</summary>
public static class QuickRunner
{
    public static int Run(IReadOnlyCollection<string> names, TextWriter output)
    {
        var figures = QuickFigures.All.Where(f => names.Count == 0 || names.Contains(f.Name)).ToList();
        var unknown = names.Where(n => QuickFigures.All.All(f => f.Name != n)).ToList();
        if (unknown.Count > 0)
        {
            output.WriteLine($"unknown figure(s): {string.Join(", ", unknown)}; known: {string.Join(", ", QuickFigures.All.Select(f => f.Name))}");
            return 2;
        }

        foreach (var figure in figures)
        {
            var value = figure.Measure();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{figure.Name} {Format(value)} {figure.Unit}"));
        }

        return 0;
    }

    private static string Format(double value) =>
        Math.Abs(value) >= 1000
            ? Math.Round(value).ToString("0", CultureInfo.InvariantCulture)
            : value.ToString("0.###", CultureInfo.InvariantCulture);
}
