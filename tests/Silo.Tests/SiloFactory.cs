using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Orleans.Poker.Silo.Tests;

/// <summary>The real silo host on the embedded default, on free ports so tests never collide.</summary>
public sealed class SiloFactory : WebApplicationFactory<SiloProgram>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("POKER:Cluster:SiloPort", FreePort().ToString());
        builder.UseSetting("POKER:Cluster:GatewayPort", FreePort().ToString());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
