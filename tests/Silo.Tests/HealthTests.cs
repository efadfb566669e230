using System.Net;
using System.Text.Json;
using Orleans.Poker.ServiceDefaults;

namespace Orleans.Poker.Silo.Tests;

public sealed class HealthTests(SiloFactory factory) : IClassFixture<SiloFactory>
{
    [Fact]
    public async Task Live_answers_healthy_with_the_service_and_its_version()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/health/live");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Silo", body.RootElement.GetProperty("service").GetString());
        Assert.Equal(ProductInfo.Version, body.RootElement.GetProperty("version").GetString());
        Assert.Matches(@"^\d+\.\d+\.\d+", ProductInfo.Version);
        Assert.Empty(body.RootElement.GetProperty("checks").EnumerateObject());
    }

    [Fact]
    public async Task Ready_answers_healthy_with_each_check_once_the_embedded_cluster_runs()
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/health/ready");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(ProductInfo.Version, body.RootElement.GetProperty("version").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("cluster").GetProperty("status").GetString());
    }
}
