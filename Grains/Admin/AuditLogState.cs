using Orleans.Poker.Grains.Interfaces.Admin;

namespace Orleans.Poker.Grains.Admin;

/// <summary>
/// Audit entries an earlier version kept in grain state (capped at 10,000). Read once, moved to the audit store and
/// cleared (<see cref="AuditLogGrain.OnActivateAsync"/>); nothing is added any more.
/// </summary>
[GenerateSerializer, Alias("poker.audit-log-state.v1")]
public sealed class AuditLogState
{
    [Id(0)] public List<AuditEntry> Entries { get; set; } = [];
}
