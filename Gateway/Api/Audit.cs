using Orleans.Poker.Grains.Interfaces.Admin;

namespace Orleans.Poker.Gateway.Api;

/// <summary>
/// Carries out admin (and host, and operations) actions with their audit log entry stored first
/// (<see cref="IAuditLogGrain.Audited{T}"/>): an entry that cannot be stored is a 503 and nothing is done. The entry
/// says what was asked, so its details come from the request, never from the action's answer.
/// </summary>
public sealed class Audit(IGrainFactory grains, TimeProvider time, ILogger<Audit> logger)
{
    /// <summary>An action by <paramref name="adminId"/> (the signed-in admin's or host's player id; 0: the operations tooling).</summary>
    public Task<T> Run<T>(long adminId, string action, string target, string? details, Func<Task<T>> act) =>
        IAuditLogGrain.Audited(grains, Entry(adminId, action, target, details), act, logger);

    /// <summary>An action that answers nothing.</summary>
    public Task Run(long adminId, string action, string target, string? details, Func<Task> act) =>
        IAuditLogGrain.Audited(grains, Entry(adminId, action, target, details), act, logger);

    private AuditEntry Entry(long adminId, string action, string target, string? details) => new(time.GetUtcNow(), adminId, action, target, details);
}
