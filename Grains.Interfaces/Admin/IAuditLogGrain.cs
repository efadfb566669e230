namespace Orleans.Poker.Grains.Interfaces.Admin;

/// <summary>The admin audit log (key 0): every admin action the gateway performs is appended here.</summary>
[Alias("poker.audit-log")]
public interface IAuditLogGrain : IGrainWithIntegerKey
{
    /// <summary>Appends an entry (persisted before the call returns).</summary>
    [Alias("Append")]
    Task Append(AuditEntry entry);

    /// <summary>Entries, newest first.</summary>
    [Alias("List")]
    Task<IReadOnlyList<AuditEntry>> List(int skip, int take);
}
