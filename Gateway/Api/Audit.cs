using System.Security.Claims;
using Orleans.Poker.Gateway.Auth;
using Orleans.Poker.Grains.Interfaces.Admin;

namespace Orleans.Poker.Gateway.Api;

/// <summary>
/// Carries out admin (and host, and operations) actions with their audit log entry stored first
/// (<see cref="IAuditLogGrain.Audited{T}"/>): an entry that cannot be stored is a 503 and nothing is done. The entry
/// says what was asked, so its details come from the request, never from the action's answer.
/// </summary>
public sealed class Audit(IGrainFactory grains, TimeProvider time, ILogger<Audit> logger)
{
    public Task<T> Run<T>(ClaimsPrincipal admin, string action, string target, string? details, Func<Task<T>> act) =>
        Run(admin.GetPlayerId(), action, target, details, act);

    public Task Run(ClaimsPrincipal admin, string action, string target, string? details, Func<Task> act) =>
        Run(admin.GetPlayerId(), action, target, details, act);

    /// <summary>An action by <paramref name="adminId"/> (0: the operations tooling).</summary>
    public Task<T> Run<T>(long adminId, string action, string target, string? details, Func<Task<T>> act) =>
        IAuditLogGrain.Audited(grains, new AuditEntry(time.GetUtcNow(), adminId, action, target, details), act, logger);

    public Task Run(long adminId, string action, string target, string? details, Func<Task> act) =>
        Run(adminId, action, target, details, async () =>
        {
            await act();
            return true;
        });
}
