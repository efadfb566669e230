using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Runtime;
using StackExchange.Redis;

namespace Orleans.Poker.Cluster.Tests;

/// <summary>An Orleans cluster client on the test's Redis membership, as the gateway runs one.</summary>
public sealed class PokerClient : IAsyncDisposable
{
    private readonly IHost host;

    private PokerClient(IHost host)
    {
        this.host = host;
        Client = host.Services.GetRequiredService<IClusterClient>();
    }

    public IClusterClient Client { get; }

    public IGrainFactory Grains => Client;

    public static async Task<PokerClient> ConnectAsync(SiloSettings settings)
    {
        var host = Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning))
            .UseOrleansClient(client => client
                .UseRedisClustering(redis => redis.ConfigurationOptions = ConfigurationOptions.Parse(settings.Redis))
                .Configure<ClusterOptions>(cluster =>
                {
                    cluster.ClusterId = settings.ClusterId;
                    cluster.ServiceId = settings.ServiceId;
                })
                // Learn soon about a silo that replaced a killed one.
                .Configure<GatewayOptions>(gateways => gateways.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1)))
            .Build();
        await host.StartAsync();
        return new PokerClient(host);
    }

    /// <summary>
    /// Calls until the cluster answers: right after a silo is killed, calls to its grains are rejected or time out
    /// until the membership declares it dead and the grains reactivate elsewhere.
    /// </summary>
    public static async Task<T> RetryAsync<T>(Func<Task<T>> call, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await call().WaitAsync(TimeSpan.FromSeconds(10));
            }
            catch (Exception ex) when (clock.Elapsed < within && IsTransient(ex))
            {
                await Task.Delay(250);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await host.StopAsync(stop.Token);
        }
        catch (OperationCanceledException)
        {
            // A client whose silos are gone may not stop cleanly; the process ends it.
        }

        host.Dispose();
    }

    private static bool IsTransient(Exception ex) => ex is OrleansMessageRejectionException or SiloUnavailableException
        or TimeoutException or OrleansException or OperationCanceledException
        or InvalidOperationException;
}
