using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Poker.ServiceDefaults.Configuration;
using Orleans.Poker.Silo.Hosting;

namespace Orleans.Poker.BotFrontend.Tests;

/// <summary>
/// A silo as the silo process composes it on the embedded default (<see cref="OrleansSetup.AddPokerSilo"/>: localhost
/// clustering, memory storage), on free loopback ports. Unlike the in-process test cluster it talks real TCP, and its
/// gateway listens on <see cref="GatewayListening"/> while it advertises <see cref="ClusterSettings.GatewayPort"/> (a
/// silo behind a port forward), so a <see cref="LoopbackProxy"/> on the advertised port stands between it and its clients.
/// </summary>
public sealed class EmbeddedSilo : IAsyncDisposable
{
    private readonly IHost host;

    private EmbeddedSilo(IHost host, ClusterSettings cluster, IPEndPoint gatewayListening)
    {
        this.host = host;
        Cluster = cluster;
        GatewayListening = gatewayListening;
    }

    public ClusterSettings Cluster { get; }

    /// <summary>Where the gateway really listens.</summary>
    public IPEndPoint GatewayListening { get; }

    public static async Task<EmbeddedSilo> Start()
    {
        var options = new PokerOptions
        {
            Cluster = new ClusterSettings { SiloPort = ServerProcesses.FreePort(), GatewayPort = ServerProcesses.FreePort(), ServiceId = "bot-outage", ClusterId = $"bot-outage-{Guid.NewGuid():N}" },
        };
        var listening = new IPEndPoint(IPAddress.Loopback, ServerProcesses.FreePort());
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development, DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.AddPokerSilo(options);
        builder.Services.PostConfigure<EndpointOptions>(endpoints => endpoints.GatewayListeningEndpoint = listening);
        var host = builder.Build();
        await host.StartAsync();
        return new EmbeddedSilo(host, options.Cluster, listening);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
    }
}
