namespace Orleans.Poker.Engine.Rules;

/// <summary>A main or side pot and the seats that can win it.</summary>
public sealed record Pot(long Amount, IReadOnlyList<int> Eligible);
