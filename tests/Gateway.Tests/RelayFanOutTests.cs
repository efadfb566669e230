using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Poker.Gateway.Hubs;
using Orleans.Poker.Gateway.Relay;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Gateway.Tests;

/// <summary>The table relay's fan-out: one serialization per event, and a slow connection delays only itself.</summary>
[Collection(GatewayCollection.Name)]
public sealed class RelayFanOutTests(GatewayFixture fixture)
{
    /// <summary>The hub protocol's payload options as the gateway configures them.</summary>
    private static readonly JsonSerializerOptions HubJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    [Fact]
    public async Task Shared_event_bytes_equal_serializing_each_viewers_own_message()
    {
        var template = await fixture.NewTemplate();
        var a = await fixture.SignInGuest("Ann");
        var table = (await fixture.CreateTable(a.AccessToken, template)).Table.TableId;
        var view = (await fixture.PublicSnapshot(table)).View;
        var mine = new PrivateView(a.Player.Profile.PlayerId, 2, ["As", "Kd"], new LegalActions { CanFold = true, CallAmount = 2, CanBetOrRaise = true, MinRaiseTo = 4, MaxRaiseTo = 100 });
        var tableEvent = new TableEvent(table, 7, 9, TableEventKind.Action, "Ann calls \"2\"", view, [mine], null);
        var payload = new EventPayload(tableEvent, HubJson);

        foreach (var own in new[] { null, mine, mine with { Cards = [], Legal = null } })
        {
            var expected = JsonSerializer.Serialize(
                new TableEventMessage(table, 7, 9, TableEventKind.Action, "Ann calls \"2\"", view, null, own), HubJson);
            Assert.Equal(expected, payload.For(own).ToString());
            Assert.Equal(expected, JsonSerializer.Serialize(payload.For(own), HubJson));
        }

        Assert.Same(payload.For(null), payload.For(null));
        Assert.Null(payload.Result);
    }

    [Fact]
    public async Task A_stalled_connection_does_not_hold_back_the_others_and_catches_up_with_a_snapshot()
    {
        var template = await fixture.NewTemplate();
        var a = await fixture.SignInGuest("Fast");
        var table = (await fixture.CreateTable(a.AccessToken, template)).Table.TableId;
        var hub = new RecordingHub();
        var feed = new TableFeed(table, fixture.Grains, hub, HubJson, TimeSpan.FromSeconds(30), TimeProvider.System, NullLogger.Instance);
        await feed.AddViewer("fast", 1);
        var slowWatch = feed.AddViewer("slow", 2);
        Assert.True(await hub.WaitFor(() => hub.Of("slow").Count == 1), "the slow viewer's snapshot send did not start");
        var start = hub.Of("fast").OfType<TableSnapshot>().Single().EventSeq;
        var view = (await fixture.PublicSnapshot(table)).View;
        const int events = TableFeed.MaxBacklog * 2;

        for (var seq = start + 1; seq <= start + events; seq++)
        {
            feed.Post(new TableEvent(table, seq, seq, TableEventKind.Action, "x", view, [], null));
        }

        // The fast viewer gets every event while the slow one's first send is still stuck.
        Assert.True(await hub.WaitFor(() => hub.Of("fast").Count == events + 1), $"fast viewer got {hub.Of("fast").Count} of {events + 1}");
        Assert.Equal(Enumerable.Range(1, events).Select(i => start + i), hub.Of("fast").OfType<PreSerialized>().Select(Seq));
        Assert.Single(hub.Of("slow"));
        Assert.False(slowWatch.IsCompleted, "Watch answered before the snapshot went out");

        hub.Release();
        await slowWatch.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(await hub.WaitFor(() => hub.Of("slow").OfType<TableSnapshot>().Count() == 2), "the slow viewer was not caught up");
        var slow = hub.Of("slow");
        Assert.IsType<TableSnapshot>(slow[0]);
        Assert.IsType<TableSnapshot>(slow[^1]);
        // Before falling behind it got the first events in order, then nothing until the snapshot.
        var queued = slow.Skip(1).SkipLast(1).Cast<PreSerialized>().Select(Seq).ToList();
        Assert.Equal(Enumerable.Range(1, queued.Count).Select(i => start + i), queued);
        Assert.InRange(queued.Count, TableFeed.MaxBacklog - 1, TableFeed.MaxBacklog);
        Assert.Equal(1, feed.Lagged);
        feed.Stop();
        await feed.Completion.WaitAsync(TimeSpan.FromSeconds(10));
    }

    private static long Seq(PreSerialized message) => JsonDocument.Parse(message.Utf8).RootElement.GetProperty("eventSeq").GetInt64();

    /// <summary>A hub context that records every send per connection; sends to "slow" wait until released.</summary>
    private sealed class RecordingHub : IHubContext<TableHub>
    {
        private readonly ConcurrentDictionary<string, ConcurrentQueue<object?>> sent = new();
        private readonly TaskCompletionSource slow = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly SemaphoreSlim arrived = new(0);

        public RecordingHub() => Clients = new Recipients(this);

        public IHubClients Clients { get; }

        public IGroupManager Groups => throw new NotSupportedException();

        public List<object?> Of(string connectionId) => [.. sent.GetOrAdd(connectionId, _ => new())];

        public void Release() => slow.TrySetResult();

        public async Task<bool> WaitFor(Func<bool> condition)
        {
            var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
            while (!condition())
            {
                var left = until - DateTime.UtcNow;
                if (left <= TimeSpan.Zero || !await arrived.WaitAsync(left))
                {
                    return condition();
                }
            }

            return true;
        }

        private Task Record(string connectionId, object? argument)
        {
            sent.GetOrAdd(connectionId, _ => new()).Enqueue(argument);
            arrived.Release();
            return connectionId == "slow" ? slow.Task : Task.CompletedTask;
        }

        private sealed class Recipients(RecordingHub hub) : IHubClients
        {
            public IClientProxy All => throw new NotSupportedException();

            public ISingleClientProxy Client(string connectionId) => new Proxy(hub, connectionId);

            IClientProxy IHubClients<IClientProxy>.Client(string connectionId) => Client(connectionId);

            public IClientProxy AllExcept(IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();

            public IClientProxy Clients(IReadOnlyList<string> connectionIds) => throw new NotSupportedException();

            public IClientProxy Group(string groupName) => throw new NotSupportedException();

            public IClientProxy GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();

            public IClientProxy Groups(IReadOnlyList<string> groupNames) => throw new NotSupportedException();

            public IClientProxy User(string userId) => throw new NotSupportedException();

            public IClientProxy Users(IReadOnlyList<string> userIds) => throw new NotSupportedException();
        }

        private sealed class Proxy(RecordingHub hub, string connectionId) : ISingleClientProxy
        {
            public Task SendCoreAsync(string method, object?[] args, CancellationToken cancellationToken = default) => hub.Record(connectionId, args[0]);

            public Task<T> InvokeCoreAsync<T>(string method, object?[] args, CancellationToken cancellationToken) => throw new NotSupportedException();
        }
    }
}
