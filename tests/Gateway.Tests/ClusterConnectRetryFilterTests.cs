using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Orleans.Poker.ServiceDefaults;

namespace Orleans.Poker.Gateway.Tests;

/// <summary>A cluster client retries a failed start-up connection once a second until its timeout has passed.</summary>
public sealed class ClusterConnectRetryFilterTests
{
    private static readonly Exception NoGateway = new SiloUnavailableException("Could not find any gateway");

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
    public async Task A_cancelled_start_stops_retrying()
    {
        var filter = new ClusterConnectRetryFilter(TimeSpan.FromMinutes(1), new FakeTimeProvider(), NullLogger<ClusterConnectRetryFilter>.Instance);
        Assert.False(await filter.ShouldRetryConnectionAttempt(NoGateway, new CancellationToken(canceled: true)));
    }
}
