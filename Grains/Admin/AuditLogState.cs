using Orleans.Poker.Grains.Interfaces.Admin;

namespace Orleans.Poker.Grains.Admin;

/// <summary>Persisted audit entries, oldest first, capped at <see cref="AuditLogGrain.Capacity"/>.</summary>
[GenerateSerializer, Alias("poker.audit-log-state.v1")]
public sealed class AuditLogState
{
    [Id(0)] public List<AuditEntry> Entries { get; set; } = [];
}
