namespace Orleans.Poker.Grains.Interfaces.Admin;

/// <summary>
/// The admin audit log (key 0): every admin action the gateway and the bot perform is appended here, and kept in the
/// room's database (append-only, like the ledger).
/// </summary>
[Alias("poker.audit-log")]
public interface IAuditLogGrain : IGrainWithIntegerKey
{
    /// <summary>Appends an entry (stored before the call returns; an identical entry is stored once).</summary>
    [Alias("Append")]
    Task Append(AuditEntry entry);

    /// <summary>The entries a search asks for, newest first.</summary>
    [Alias("Search")]
    Task<IReadOnlyList<AuditEntry>> Search(AuditQuery query);
}
