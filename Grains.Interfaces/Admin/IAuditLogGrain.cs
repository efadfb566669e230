namespace Orleans.Poker.Grains.Interfaces.Admin;

/// <summary>The admin audit log (key 0): every admin action the gateway performs is appended here.</summary>
public interface IAuditLogGrain : IGrainWithIntegerKey
{
    /// <summary>Appends an entry (persisted before the call returns).</summary>
    Task Append(AuditEntry entry);

    /// <summary>Entries, newest first.</summary>
    Task<IReadOnlyList<AuditEntry>> List(int skip, int take);
}
