using System.Net;
using Orleans.Poker.ServiceDefaults.Configuration;

namespace Orleans.Poker.Deploy.Tests;

public sealed class TrustedProxiesTests
{
    [Fact]
    public void Addresses_and_networks_are_read_and_an_address_is_a_single_host_network()
    {
        var networks = new HttpSettings { TrustedProxies = "127.0.0.1, 172.30.0.0/24;fd00::/8" }.TrustedProxyNetworks();

        Assert.Equal([IPNetwork.Parse("127.0.0.1/32"), IPNetwork.Parse("172.30.0.0/24"), IPNetwork.Parse("fd00::/8")], networks);
        Assert.Contains(networks, n => n.Contains(IPAddress.Parse("172.30.0.17")));
        Assert.DoesNotContain(networks, n => n.Contains(IPAddress.Parse("172.30.1.1")));
    }

    [Fact]
    public void Nothing_is_trusted_unless_configured()
    {
        Assert.Empty(new HttpSettings().TrustedProxyNetworks());
    }

    [Fact]
    public void An_entry_that_is_no_address_stops_the_process_naming_the_variable()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new HttpSettings { TrustedProxies = "nginx.internal" }.TrustedProxyNetworks());

        Assert.Contains("POKER__Http__TrustedProxies", error.Message);
        Assert.Contains("nginx.internal", error.Message);
    }
}
