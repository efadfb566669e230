using System.Security.Claims;
using Orleans.Poker.Gateway.Auth;
using Orleans.Poker.Grains.Interfaces.Admin;

namespace Orleans.Poker.Gateway.Api;

/// <summary>Writes admin (and host, and operations) actions to the audit log grain.</summary>
public sealed class Audit(IGrainFactory grains, TimeProvider time)
{
    public Task Write(ClaimsPrincipal admin, string action, string target, string? details) => Write(admin.GetPlayerId(), action, target, details);

    /// <summary>An action by <paramref name="adminId"/> (0: the operations tooling).</summary>
    public Task Write(long adminId, string action, string target, string? details) =>
        grains.GetGrain<IAuditLogGrain>(0).Append(new AuditEntry(time.GetUtcNow(), adminId, action, target, details));
}
