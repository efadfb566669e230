using System.Security.Claims;

namespace Orleans.Poker.ServiceDefaults.Telemetry;

/// <summary>Who may read <c>/metrics</c>: anyone on the management port, and on the public port whoever <see cref="IsAdmin"/> accepts.</summary>
public sealed class MetricsAccessOptions
{
    /// <summary>The management port (0: none).</summary>
    public int ManagementPort { get; set; }

    /// <summary>
    /// Whether a signed-in user may read metrics on the public port (the gateway sets it: the admin role). Null: nobody
    /// may there, whatever they present.
    /// </summary>
    public Func<ClaimsPrincipal, bool>? IsAdmin { get; set; }
}
