namespace Orleans.Poker.Engine.Benchmarks;

/// <summary>
/// Every figure printed by <c>--quick</c>, in order. To add a figure, add its <see cref="QuickFigure"/>s here
/// (e.g. <c>.. HandFigures.All</c>) and measure in its own file.
/// </summary>
public static class QuickFigures
{
    public static IReadOnlyList<QuickFigure> All =>
    [
        .. EvaluationFigures.All,
        .. HandsBenchmark.All,
    ];
}
