namespace Orleans.Poker.Grains.Interfaces.Admin;

/// <summary>
/// What a bot process did with (part of) a claimed page: every recipient up to and including
/// <see cref="LastPlayerId"/> was handled, so many sent, skipped (unreachable) and failed.
/// </summary>
[GenerateSerializer, Immutable, Alias("poker.broadcast-report.v1")]
public sealed record BroadcastReport(
    [property: Id(0)] string BroadcastId,
    [property: Id(1)] long LastPlayerId,
    [property: Id(2)] int Sent,
    [property: Id(3)] int Skipped,
    [property: Id(4)] int Failed);
