using Orleans.Poker.Grains.Interfaces.Operations;

namespace Orleans.Poker.Gateway.Contracts;

/// <summary>
/// <c>GET /api/admin/operations</c>: every process seen in the last <paramref name="WindowSeconds"/> before
/// <paramref name="At"/> with its samples (latencies in seconds, rates per second), and the Orleans dashboard's path
/// on this gateway (null when it is not served).
/// </summary>
public sealed record OperationsResponse(DateTimeOffset At, double WindowSeconds, string? DashboardPath, IReadOnlyList<ProcessSeries> Processes);
