using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Orleans.Poker.Silo.Tests;

/// <summary>The real silo host on the embedded default, on free ports so tests never collide.</summary>
public sealed class SiloFactory : WebApplicationFactory<SiloProgram>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("POKER:Cluster:SiloPort", ServerProcesses.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("POKER:Cluster:GatewayPort", ServerProcesses.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
