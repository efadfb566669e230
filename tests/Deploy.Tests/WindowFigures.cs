namespace Orleans.Poker.Deploy.Tests;

/// <summary>Hands started, actions accepted and the longest standstill of a table's events inside a window.</summary>
public sealed record WindowFigures(int Hands, int Actions, Gap LongestGap)
{
    public override string ToString() => $"{Hands} hands started, {Actions} actions accepted, longest gap in a table's events {LongestGap}";
}
