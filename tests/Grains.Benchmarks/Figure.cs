using System.Globalization;

namespace Orleans.Poker.Grains.Benchmarks;

/// <summary>Prints one figure per line: <c>name value unit</c>.</summary>
public static class Figure
{
    public static void Print(string name, double value, string unit) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {value:0.##} {unit}"));

    public static void Note(string text) => Console.WriteLine($"# {text}");
}
