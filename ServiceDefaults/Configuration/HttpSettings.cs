namespace Orleans.Poker.ServiceDefaults.Configuration;

/// <summary><c>POKER__Http__*</c>: the HTTP endpoint for health (and, co-hosted, the gateway).</summary>
public sealed class HttpSettings
{
    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 8080;

    /// <summary>
    /// Comma-separated addresses or CIDR networks of the reverse proxies in front (nginx, an ingress controller) whose
    /// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed: the client's address then comes from the proxy,
    /// so that per-address rate limits apply per client rather than to the proxy. Unset: the headers are ignored (a
    /// client reaching the process directly could forge them).
    /// </summary>
    public string? TrustedProxies { get; set; }

    /// <summary>The networks of <see cref="TrustedProxies"/> (an address is a /32 or /128).</summary>
    /// <exception cref="InvalidOperationException">An entry is neither an address nor a network.</exception>
    public IReadOnlyList<System.Net.IPNetwork> TrustedProxyNetworks() =>
        (TrustedProxies ?? "")
            .Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(entry => System.Net.IPNetwork.TryParse(entry, out var network) ? network
                : System.Net.IPAddress.TryParse(entry, out var address) ? new System.Net.IPNetwork(address, address.GetAddressBytes().Length * 8)
                : throw new InvalidOperationException($"POKER__Http__TrustedProxies: '{entry}' is neither an IP address nor a CIDR network."))
            .ToList();
}
