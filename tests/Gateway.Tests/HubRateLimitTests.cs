using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Orleans.Poker.Gateway.Hubs;
using Orleans.Poker.Gateway.Relay;
using Orleans.Poker.ServiceDefaults.Configuration;

namespace Orleans.Poker.Gateway.Tests;

/// <summary>
/// The hubs' call limit (<see cref="HubGuardFilter"/>): one bucket per player across their connections to the gateway,
/// and throttled calls that are forgotten over <see cref="GatewaySettings.HubViolationWindow"/>, so only a player who
/// keeps flooding is cut off.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class HubRateLimitTests(GatewayFixture fixture)
{
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_players_connections_share_one_limit_and_other_players_have_their_own()
    {
        var guard = Guard(callsPerSecond: 1, burst: 3, violationsBeforeClose: 100);
        var (first, second, other) = (new FakeHubConnection(41), new FakeHubConnection(41), new FakeHubConnection(42));

        for (var i = 0; i < 3; i++)
        {
            await Call(guard, i % 2 == 0 ? first : second);
        }

        var refused = await Assert.ThrowsAsync<HubException>(() => Call(guard, second));
        await Call(guard, other);
        time.Advance(TimeSpan.FromSeconds(1));
        await Call(guard, second);

        Assert.StartsWith("rate_limited: ", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Throttled_calls_are_forgotten_over_the_window_and_only_a_player_who_keeps_flooding_is_closed()
    {
        var guard = Guard(callsPerSecond: 1, burst: 2, violationsBeforeClose: 3);
        var connection = new FakeHubConnection(43);

        // Two throttled calls, then ten quiet minutes, then two more: four in all, never three within a minute.
        await Flood(guard, connection, throttled: 2);
        time.Advance(TimeSpan.FromMinutes(10));
        await Flood(guard, connection, throttled: 2);
        var closedForOldOffences = connection.Aborted;
        await Assert.ThrowsAsync<HubException>(() => Call(guard, connection));
        // The calls already on their way when it closes are refused too, and close it (and log it) no more.
        await Flood(guard, connection, throttled: 5);

        Assert.False(closedForOldOffences);
        Assert.Equal(1, connection.Aborts);
    }

    [Fact]
    public async Task A_players_limit_is_kept_while_one_of_their_connections_is_open_and_dropped_with_the_last()
    {
        var guard = Guard(callsPerSecond: 1, burst: 1, violationsBeforeClose: 100);
        var (first, second) = (new FakeHubConnection(44), new FakeHubConnection(44));
        await Call(guard, first);
        var sharing = await Record.ExceptionAsync(() => Call(guard, second));

        await Disconnect(guard, first);
        var whileOneIsOpen = await Record.ExceptionAsync(() => Call(guard, second));
        await Disconnect(guard, second);
        var afterTheLast = await Record.ExceptionAsync(() => Call(guard, new FakeHubConnection(44)));

        Assert.IsType<HubException>(sharing);
        Assert.IsType<HubException>(whileOneIsOpen);
        Assert.Null(afterTheLast);
    }

    [Fact]
    public void Calls_no_hub_method_takes_count_against_their_connection_and_one_that_keeps_sending_them_is_closed()
    {
        // SignalR answers these itself, before any filter: the protocol charges them.
        var protocol = new GuardedHubProtocol(new JsonHubProtocol(),
            new PokerOptions { Gateway = new GatewaySettings { HubCallsPerSecond = 1, HubCallBurst = 2, HubViolationsBeforeClose = 3 } },
            time, NullLogger<GuardedHubProtocol>.Instance);
        var (flooder, other) = (new Binder(), new Binder());

        // Two from the bucket, then two throttled (below the three that close): read and answered by SignalR.
        var read = Enumerable.Range(0, 4).Select(_ => Parse(protocol, flooder, "Nope")).ToList();
        var known = Parse(protocol, flooder, "Watch");
        var streaming = Record.Exception(() => Parse(protocol, flooder, "Watch", type: 4));
        var othersCall = Parse(protocol, other, "Nope");

        Assert.All(read, message => Assert.IsType<InvocationBindingFailureMessage>(message));
        Assert.IsType<InvocationMessage>(known);
        Assert.IsType<InvalidDataException>(streaming);
        Assert.IsType<InvocationBindingFailureMessage>(othersCall);
    }

    private static HubMessage Parse(IHubProtocol protocol, IInvocationBinder binder, string target, int type = 1)
    {
        var input = new System.Buffers.ReadOnlySequence<byte>(System.Text.Encoding.UTF8.GetBytes(
            $"{{\"type\":{type},\"invocationId\":\"1\",\"target\":\"{target}\",\"arguments\":[\"t-1\"]}}\u001e"));
        Assert.True(protocol.TryParseMessage(ref input, binder, out var message));
        return message;
    }

    /// <summary>A connection's binder, as SignalR's: one method, Watch(string); any other name is unknown.</summary>
    private sealed class Binder : IInvocationBinder
    {
        public IReadOnlyList<Type> GetParameterTypes(string methodName) =>
            methodName == "Watch" ? [typeof(string)] : throw new HubException($"Method does not exist: {methodName}");

        public Type GetReturnType(string invocationId) => typeof(object);

        public Type GetStreamItemType(string streamId) => throw new InvalidOperationException("No stream");
    }

    private static Task Disconnect(HubGuardFilter guard, FakeHubConnection connection) =>
        guard.OnDisconnectedAsync(new HubLifetimeContext(connection, new ServiceCollection().BuildServiceProvider(), new TableHub(null!)), null, (_, _) => Task.CompletedTask);

    private HubGuardFilter Guard(int callsPerSecond, int burst, int violationsBeforeClose) => new(
        new PokerOptions { Gateway = new GatewaySettings { HubCallsPerSecond = callsPerSecond, HubCallBurst = burst, HubViolationsBeforeClose = violationsBeforeClose } },
        time, fixture.App.Services.GetRequiredService<RelayMetrics>(), fixture.Grains, NullLogger<HubGuardFilter>.Instance);

    private static async Task Call(HubGuardFilter guard, FakeHubConnection connection) =>
        await guard.InvokeMethodAsync(connection.Invocation(), _ => ValueTask.FromResult<object?>(null));

    /// <summary>Calls until <paramref name="throttled"/> were refused.</summary>
    private static async Task Flood(HubGuardFilter guard, FakeHubConnection connection, int throttled)
    {
        for (var refused = 0; refused < throttled;)
        {
            try
            {
                await Call(guard, connection);
            }
            catch (HubException)
            {
                refused++;
            }
        }
    }
}
