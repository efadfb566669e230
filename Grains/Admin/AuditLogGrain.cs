using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Admin;

namespace Orleans.Poker.Grains.Admin;

/// <summary>The admin audit log. Admin actions are rare, so one grain with a capped list is enough.</summary>
public sealed class AuditLogGrain(
    [PersistentState("audit", PokerStorage.Name)] IPersistentState<AuditLogState> store,
    ILogger<AuditLogGrain> logger) : Grain, IAuditLogGrain
{
    /// <summary>Entries kept; older ones also live in the structured logs.</summary>
    public const int Capacity = 10_000;

    public async Task Append(AuditEntry entry)
    {
        store.State.Entries.Add(entry);
        if (store.State.Entries.Count > Capacity)
        {
            store.State.Entries.RemoveRange(0, store.State.Entries.Count - Capacity);
        }

        await store.WriteStateAsync();
        logger.LogInformation("Audit: admin {AdminId} {Action} {Target} {Details}", entry.AdminId, entry.Action, entry.Target, entry.Details);
    }

    public Task<IReadOnlyList<AuditEntry>> List(int skip, int take)
    {
        var entries = store.State.Entries;
        IReadOnlyList<AuditEntry> page = Enumerable.Range(0, entries.Count)
            .Select(i => entries[entries.Count - 1 - i])
            .Skip(Math.Max(0, skip))
            .Take(Math.Clamp(take, 0, 1000))
            .ToList();
        return Task.FromResult(page);
    }
}
