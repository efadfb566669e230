using Orleans.Poker.Grains.Interfaces.Admin;

namespace Orleans.Poker.Grains.Storage;

/// <summary>The admin audit log (<c>admin_audit_log</c>): append-only, searched by admin, action and time.</summary>
public interface IAuditStore
{
    /// <summary>Appends an entry; an entry identical to a stored one (a retried call) is not stored again.</summary>
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default);

    /// <summary>The entries the query asks for, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> SearchAsync(AuditQuery query, CancellationToken cancellationToken = default);
}
