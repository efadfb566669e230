namespace Orleans.Poker.Grains.Interfaces.Admin;

/// <summary>One admin action: who, what, on what, and the details (reason, amounts).</summary>
[GenerateSerializer, Immutable, Alias("poker.audit-entry.v1")]
public sealed record AuditEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] long AdminId,
    [property: Id(2)] string Action,
    [property: Id(3)] string Target,
    [property: Id(4)] string? Details);
