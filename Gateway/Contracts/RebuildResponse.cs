namespace Orleans.Poker.Gateway.Contracts;

/// <summary>A rebuild's result: the hourly rows written.</summary>
public sealed record RebuildResponse(int Rows);
