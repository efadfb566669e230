using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Common;

namespace Orleans.Poker.Grains.Interfaces.Admin;

/// <summary>
/// The admin audit log (key 0): every admin action the gateway and the bot perform is appended here, and kept in the
/// room's database (append-only, like the ledger).
/// </summary>
[Alias("poker.audit-log")]
public interface IAuditLogGrain : IGrainWithIntegerKey
{
    /// <summary>Suffix of the entry that follows an action which failed after its entry was stored.</summary>
    const string FailedSuffix = ".failed";

    /// <summary>
    /// Carries out an admin action (<paramref name="act"/>) after its <paramref name="entry"/> is stored: the one order
    /// in which the log never misses an action that happened. An entry that cannot be stored fails the call before
    /// anything is done, so trying again is safe. An action that fails after its entry was stored is followed by an
    /// entry <c>&lt;action&gt;.failed</c> saying why (a refusal: nothing changed; anything else: the outcome is
    /// unknown), and the caller hears the action's own failure.
    /// </summary>
    static async Task<T> Audited<T>(IGrainFactory grains, AuditEntry entry, Func<Task<T>> act, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(grains);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(act);
        var log = grains.GetGrain<IAuditLogGrain>(0);
        await log.Append(entry);
        try
        {
            return await act();
        }
        catch (Exception failure)
        {
            var why = failure is PokerException refusal ? $"refused: {refusal.Code}: {refusal.Message}" : $"outcome unknown: {failure.GetType().Name}";
            try
            {
                await log.Append(entry with { Action = entry.Action + FailedSuffix, Details = why });
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Audit: admin {AdminId} {Action} {Target} failed ({Why}) and that could not be stored", entry.AdminId, entry.Action, entry.Target, why);
            }

            throw;
        }
    }

    /// <summary><see cref="Audited{T}"/> of an action that answers nothing.</summary>
    static Task Audited(IGrainFactory grains, AuditEntry entry, Func<Task> act, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(act);
        return Audited(grains, entry, async () =>
        {
            await act();
            return true;
        }, logger);
    }

    /// <summary>Appends an entry (stored before the call returns; an identical entry is stored once).</summary>
    [Alias("Append")]
    Task Append(AuditEntry entry);

    /// <summary>The entries a search asks for, newest first.</summary>
    [Alias("Search")]
    Task<IReadOnlyList<AuditEntry>> Search(AuditQuery query);
}
