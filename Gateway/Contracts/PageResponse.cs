namespace Orleans.Poker.Gateway.Contracts;

/// <summary>One page of a list.</summary>
public sealed record PageResponse<T>(IReadOnlyList<T> Items, int Page, int PageSize, int? Total = null);
