namespace Orleans.Poker.Engine.Benchmarks;

/// <summary>One figure of the quick mode: <paramref name="Measure"/> runs the measurement and returns the value.</summary>
public sealed record QuickFigure(string Name, string Unit, Func<double> Measure);
