using System.Security.Claims;
using Orleans.Poker.Gateway.Auth;
using Orleans.Poker.Grains.Interfaces.Admin;

namespace Orleans.Poker.Gateway.Api;

/// <summary>Writes admin actions to the audit log grain.</summary>
public sealed class Audit(IGrainFactory grains, TimeProvider time)
{
    public Task Write(ClaimsPrincipal admin, string action, string target, string? details) =>
        grains.GetGrain<IAuditLogGrain>(0).Append(new AuditEntry(time.GetUtcNow(), admin.GetPlayerId(), action, target, details));
}
