using System.Net;

namespace Orleans.Poker.Silo.Tests;

public sealed class HealthTests(SiloFactory factory) : IClassFixture<SiloFactory>
{
    [Fact]
    public async Task Live_answers_healthy()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Ready_answers_healthy_once_the_embedded_cluster_runs()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}
