using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Admin;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Admin;

/// <summary>
/// The admin audit log: entries go to the <see cref="IAuditStore"/> (PostgreSQL in production, append-only) and to
/// the structured log. Entries an earlier version kept in this grain's state are moved to the store on activation.
/// </summary>
public sealed class AuditLogGrain(
    [PersistentState("audit", PokerStorage.Name)] IPersistentState<AuditLogState> store,
    IAuditStore audit,
    ILogger<AuditLogGrain> logger) : Grain, IAuditLogGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (store.State.Entries.Count == 0)
        {
            return;
        }

        // Oldest first, each stored once: a move interrupted by a crash is finished by the next activation.
        foreach (var entry in store.State.Entries)
        {
            await audit.AppendAsync(entry, cancellationToken);
        }

        logger.LogInformation("Audit log: {Count} entries moved from grain state to the audit store", store.State.Entries.Count);
        await store.ClearStateAsync(cancellationToken);
    }

    public async Task Append(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        await audit.AppendAsync(entry);
        // Details may be an admin's text of several lines (a broadcast): one log line each entry, whatever they wrote.
        logger.LogInformation("Audit: admin {AdminId} {Action} {Target} {Details}", entry.AdminId, entry.Action, entry.Target, entry.Details?.ReplaceLineEndings(" ⏎ "));
    }

    public Task<IReadOnlyList<AuditEntry>> Search(AuditQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return audit.SearchAsync(query with { Skip = Math.Max(0, query.Skip), Take = Math.Clamp(query.Take, 0, AuditQuery.MaxTake) });
    }
}
