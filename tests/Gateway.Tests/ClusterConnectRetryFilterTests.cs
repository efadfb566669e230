using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Orleans.Poker.ServiceDefaults;

namespace Orleans.Poker.Gateway.Tests;

/// <summary>A cluster client retries a failed start-up connection once a second until its timeout has passed.</summary>
public sealed class ClusterConnectRetryFilterTests : IDisposable
{
    private static readonly Exception NoGateway = new SiloUnavailableException("Could not find any gateway");
    private readonly LogCapture logs = new();
    private readonly ILoggerFactory factory;

    public ClusterConnectRetryFilterTests() => factory = LoggerFactory.Create(b => b.AddProvider(logs));

    public void Dispose()
    {
        factory.Dispose();
        logs.Dispose();
    }

    [Fact]
    public async Task Retries_after_a_second_until_the_timeout_then_gives_up()
    {
        var time = new FakeTimeProvider();
        var filter = new ClusterConnectRetryFilter(TimeSpan.FromSeconds(3), time, NullLogger<ClusterConnectRetryFilter>.Instance);

        for (var attempt = 0; attempt < 3; attempt++)
        {
            var retry = filter.ShouldRetryConnectionAttempt(NoGateway, CancellationToken.None);
            Assert.False(retry.IsCompleted);
            time.Advance(ClusterConnectRetryFilter.RetryDelay);
            Assert.True(await retry);
        }

        // Three seconds have passed since the first failure.
        Assert.False(await filter.ShouldRetryConnectionAttempt(NoGateway, CancellationToken.None));
    }

    [Fact]
    public async Task Giving_up_is_an_error()
    {
        var filter = new ClusterConnectRetryFilter(TimeSpan.Zero, new FakeTimeProvider(), Logger);

        Assert.False(await filter.ShouldRetryConnectionAttempt(NoGateway, CancellationToken.None));
        Assert.Equal(LogLevel.Error, Assert.Single(logs.Entries).Level);
    }

    [Fact]
    public async Task A_cancelled_start_stops_retrying_without_an_error()
    {
        var filter = new ClusterConnectRetryFilter(TimeSpan.FromMinutes(1), new FakeTimeProvider(), Logger);

        Assert.False(await filter.ShouldRetryConnectionAttempt(NoGateway, new CancellationToken(canceled: true)));
        Assert.Equal(LogLevel.Information, Assert.Single(logs.Entries).Level);
    }

    [Fact]
    public async Task A_start_cancelled_while_waiting_stops_retrying_without_an_error()
    {
        using var stopping = new CancellationTokenSource();
        var filter = new ClusterConnectRetryFilter(TimeSpan.FromMinutes(1), new FakeTimeProvider(), Logger);

        var retry = filter.ShouldRetryConnectionAttempt(NoGateway, stopping.Token);
        await stopping.CancelAsync();

        Assert.False(await retry);
        Assert.Equal([LogLevel.Warning, LogLevel.Information], logs.Entries.Select(e => e.Level));
    }

    private ILogger<ClusterConnectRetryFilter> Logger => factory.CreateLogger<ClusterConnectRetryFilter>();
}
