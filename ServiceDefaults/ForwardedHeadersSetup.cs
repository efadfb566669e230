using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Orleans.Poker.ServiceDefaults.Configuration;

namespace Orleans.Poker.ServiceDefaults;

/// <summary>
/// Behind a reverse proxy (infra/nginx/poker.conf, an ingress): the client address and scheme from
/// <c>X-Forwarded-For</c>/<c>-Proto</c>, believed only from <c>POKER__Http__TrustedProxies</c> and only one hop deep
/// (what the proxy itself saw, not what a client wrote into the header).
/// </summary>
public static class ForwardedHeadersSetup
{
    public static IApplicationBuilder UsePokerForwardedHeaders(this IApplicationBuilder app, HttpSettings http)
    {
        var networks = http.TrustedProxyNetworks();
        if (networks.Count == 0)
        {
            return app;
        }

        var options = new ForwardedHeadersOptions
        {
            ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto,
            ForwardLimit = 1,
        };
        // Loopback is trusted by default: only what is configured is.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var network in networks)
        {
            options.KnownIPNetworks.Add(network);
        }

        return app.UseForwardedHeaders(options);
    }
}
