using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Orleans.Poker.Gateway.Hubs;
using Orleans.Poker.Gateway.Relay;
using Orleans.Poker.Grains.Interfaces.Players;

namespace Orleans.Poker.Gateway.Tests;

/// <summary>
/// The hub guard's own ban check, for a ban whose notice never reached this gateway: a connection asks for its player's
/// ban at its first call after each renewal interval (beside the call, which does not wait for it), not at every call.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class BanCheckTests(GatewayFixture fixture)
{
    [Fact]
    public async Task A_ban_this_gateway_was_not_told_of_closes_the_connection_once_its_first_call_after_the_renewal_interval_checked_it()
    {
        var admin = await fixture.SignInAdmin();
        var player = (await fixture.SignInTelegram(GatewayFixture.NewTelegramId())).Player.Profile.PlayerId;
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var options = fixture.Options;
        // A guard of its own, not subscribed to ban notices: the fixture's gateway is told, this one is not.
        var guard = new HubGuardFilter(options, time, fixture.App.Services.GetRequiredService<RelayMetrics>(), fixture.Grains, NullLogger<HubGuardFilter>.Instance);
        var connection = new FakeHubConnection(player);
        var calls = 0;
        ValueTask<object?> Next(HubInvocationContext _)
        {
            calls++;
            return ValueTask.FromResult<object?>(null);
        }

        await guard.InvokeMethodAsync(connection.Invocation(), Next);
        await fixture.Grains.GetGrain<IPlayerGrain>(player).Ban(admin.Player.Profile.PlayerId, "collusion");

        // Within the interval the call runs: its connection's ban was checked when it opened.
        time.Advance(options.Gateway.ResubscribeInterval - TimeSpan.FromSeconds(1));
        await guard.InvokeMethodAsync(connection.Invocation(), Next);
        Assert.False(connection.Aborted);

        time.Advance(TimeSpan.FromSeconds(1));
        await guard.InvokeMethodAsync(connection.Invocation(), Next);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!connection.Aborted && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(10);
        }

        Assert.True(connection.Aborted);
        Assert.Equal(3, calls);
    }

    [Fact]
    public async Task A_ban_closes_every_connection_of_that_player_in_the_process_and_no_other()
    {
        var guard = fixture.App.Services.GetRequiredService<HubGuardFilter>();
        var banned = new[] { new FakeHubConnection(41), new FakeHubConnection(41) };
        var other = new FakeHubConnection(42);
        foreach (var connection in banned.Append(other))
        {
            await guard.InvokeMethodAsync(connection.Invocation(), _ => ValueTask.FromResult<object?>(null));
        }

        Assert.Equal(2, guard.CloseBanned(41));
        Assert.All(banned, c => Assert.True(c.Aborted));
        Assert.False(other.Aborted);
    }
}
