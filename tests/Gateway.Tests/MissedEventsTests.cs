using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Orleans.Core.Internal;
using Orleans.Poker.Gateway.Contracts;
using Orleans.Poker.Gateway.Hubs;
using Orleans.Poker.Gateway.Relay;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.ServiceDefaults;

namespace Orleans.Poker.Gateway.Tests;

/// <summary>
/// Table events lost while a silo leaves, with none after them to show a gap: the cluster client says when that may
/// have happened, and every feed catches its viewers up with the table.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class MissedEventsTests(GatewayFixture fixture)
{
    [Fact]
    public async Task A_feed_whose_table_went_on_without_it_catches_its_viewers_up_and_hears_the_table_again()
    {
        var (feed, hub, time, ann, bob, table, current, _) = await TableGoneOnWithout(fixture.Grains);

        // The events up to the table's newest get the gap timeout to arrive, then the viewer is caught up.
        feed.Renew();
        await Barrier(feed);
        Assert.Single(hub.Of("ann"));
        Assert.True(await Eventually(() => AdvancedPast(time, GapTimeout, () => hub.Of("ann").Count == 2)), "the viewer was not caught up");
        var caughtUp = Assert.IsType<TableSnapshot>(hub.Of("ann")[1]);
        Assert.Equal(current, caughtUp.EventSeq);
        Assert.Contains(caughtUp.View.Seats, s => s.PlayerId == bob.Player.Profile.PlayerId);
        Assert.Equal(1, feed.Resyncs);

        // Subscribed again: the table's next change arrives as an event.
        await fixture.Sit(ann.AccessToken, table, 1);
        Assert.True(await hub.WaitFor(() => hub.Of("ann").OfType<PreSerialized>().Any()), "no event after the check");

        // A check with nothing missed sends nothing.
        var sent = hub.Of("ann").Count;
        feed.Renew();
        await Barrier(feed);
        Assert.Equal(sent, hub.Of("ann").Count);
        Assert.Equal(1, feed.Resyncs);
        await Stop(feed);
    }

    [Fact]
    public async Task A_renewal_that_fails_is_tried_again_until_it_catches_the_viewers_up()
    {
        var failing = FaultyTables.Over(fixture.Grains);
        var (feed, hub, time, _, _, _, current, _) = await TableGoneOnWithout(failing.Factory);

        // The table cannot be reached twice: the renewal waits and tries again, and catches up at its third attempt.
        failing.Failures = 2;
        feed.Renew();
        await Barrier(feed);
        Assert.Equal(1, failing.Failures);
        time.Advance(ClusterConnectionWatch.RenewRetry);
        Assert.True(await Eventually(() => failing.Failures == 0), "no second attempt");
        await Barrier(feed);
        Assert.Single(hub.Of("ann"));
        time.Advance(ClusterConnectionWatch.RenewRetry);
        Assert.True(await Eventually(() => AdvancedPast(time, GapTimeout, () => hub.Of("ann").Count == 2)), "the viewer was not caught up");
        Assert.Equal(current, Assert.IsType<TableSnapshot>(hub.Of("ann")[1]).EventSeq);
        await Stop(feed);
    }

    [Fact]
    public async Task A_watch_whose_subscription_failed_leaves_the_next_watch_to_subscribe()
    {
        var faults = FaultyTables.Over(fixture.Grains);
        var hub = new RecordingHub<TableHub>();
        var template = await fixture.NewTemplate();
        var ann = await fixture.SignInGuest("Ann");
        var table = (await fixture.CreateTable(ann.AccessToken, template)).Table.TableId;
        var feed = NewFeed(table, faults.Factory, hub, new FakeTimeProvider(DateTimeOffset.UtcNow));

        // The first viewer's Watch cannot reach the table; another's, while the feed is still open, subscribes.
        faults.Failures = 1;
        await Assert.ThrowsAsync<SiloUnavailableException>(() => feed.AddViewer("first", ann.Player.Profile.PlayerId));
        await feed.AddViewer("ann", ann.Player.Profile.PlayerId);
        Assert.Equal(0, faults.Failures);

        await fixture.Sit(ann.AccessToken, table, 1);
        Assert.True(await hub.WaitFor(() => hub.Of("ann").OfType<PreSerialized>().Any()), "the feed did not subscribe again");
        await Stop(feed);
    }

    [Fact]
    public async Task After_a_gap_each_viewer_gets_every_event_after_its_own_snapshot_once_and_in_order()
    {
        var faults = FaultyTables.Over(fixture.Grains);
        var hub = new RecordingHub<TableHub>();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var template = await fixture.NewTemplate();
        var ann = await fixture.SignInGuest("Ann");
        var table = (await fixture.CreateTable(ann.AccessToken, template)).Table.TableId;
        var view = (await fixture.PublicSnapshot(table)).View;
        var feed = NewFeed(table, faults.Factory, hub, time);
        await feed.AddViewer("one", 1);
        await feed.AddViewer("two", 2);
        var start = Assert.IsType<TableSnapshot>(Assert.Single(hub.Of("one"))).EventSeq;
        TableFeedEvent Event(long seq) => TableFeedEvent.From(new TableEvent(table, seq, seq, TableEventKind.Action, "x", view, [], null));

        // The event after start is lost; the resync's snapshots are one per player, and the table moves on between
        // them: player 1's shows start + 2, player 2's start + 4. The events after start + 2 are still on their way.
        faults.Snapshots = (viewer, snapshot) => snapshot with { EventSeq = start + (viewer == 1 ? 2 : 4) };
        feed.Post(Event(start + 2), 0);
        await Barrier(feed);
        Assert.True(await Eventually(() => AdvancedPast(time, GapTimeout, () => hub.Of("one").Count == 2 && hub.Of("two").Count == 2)), "no resync");
        for (var seq = start + 3; seq <= start + 5; seq++)
        {
            feed.Post(Event(seq), 0);
        }

        await Barrier(feed);
        Assert.Equal([start, start + 2], hub.Of("one").OfType<TableSnapshot>().Select(s => s.EventSeq));
        Assert.Equal([start + 3, start + 4, start + 5], hub.Of("one").OfType<PreSerialized>().Select(RelayFanOutTests.Seq));
        Assert.Equal([start, start + 4], hub.Of("two").OfType<TableSnapshot>().Select(s => s.EventSeq));
        Assert.Equal([start + 5], hub.Of("two").OfType<PreSerialized>().Select(RelayFanOutTests.Seq));
        Assert.Equal(1, feed.Resyncs);
        await Stop(feed);
    }

    [Fact]
    public async Task Events_still_on_their_way_when_a_renewal_answers_are_delivered_and_not_counted_as_missed()
    {
        var (feed, hub, time, _, _, _, current, sent) = await TableGoneOnWithout(fixture.Grains);

        // As at a busy table: the table's answer to the renewal names events that reach the feed behind it.
        feed.Renew();
        foreach (var feedEvent in sent)
        {
            feed.Post(feedEvent, 0);
        }

        await Barrier(feed);
        time.Advance(GapTimeout);
        await Barrier(feed);
        var received = hub.Of("ann");
        Assert.Equal(sent.Count, received.OfType<PreSerialized>().Count());
        Assert.Single(received.OfType<TableSnapshot>());
        Assert.Equal(0, feed.Resyncs);
        Assert.Equal(current, sent[^1].EventSeq);
        await Stop(feed);
    }

    [Fact]
    public async Task The_lobby_relay_sends_every_connection_the_whole_list_after_changes_may_have_been_lost()
    {
        var template = await fixture.NewTemplate();
        var ann = await fixture.SignInGuest("LobbyAnn");
        var hub = new RecordingHub<LobbyHub>();
        var relay = new LobbyRelay(fixture.Grains, hub, Options.Create(new JsonHubProtocolOptions { PayloadSerializerOptions = TableJson.Options }), fixture.Options, TimeProvider.System, fixture.App.Services.GetRequiredService<RelayMetrics>(), NullLogger<LobbyRelay>.Instance);
        await relay.StartAsync(CancellationToken.None);
        await relay.Connected("one");
        await relay.Connected("two");

        // The whole list as it is now (the newest table in it) goes to each connection.
        var table = (await fixture.CreateTable(ann.AccessToken, template)).Table.TableId;
        relay.CheckMissed();
        foreach (var connection in new[] { "one", "two" })
        {
            Assert.True(await hub.WaitFor(() => hub.Sends(connection).Any(s => s.Method == LobbyHub.TablesMethod && s.Argument?.ToString()?.Contains(table, StringComparison.Ordinal) == true)), $"{connection} did not get the list");
        }

        await relay.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Listeners_hear_once_the_connections_settle_after_one_closed_and_only_with_a_gateway_connected()
    {
        var time = new FakeTimeProvider();
        var watch = new ClusterConnectionWatch(time, NullLogger<ClusterConnectionWatch>.Instance);
        var heard = 0;
        var registration = watch.OnMaybeMissed(() => Interlocked.Increment(ref heard));

        // Connections opening lose nothing.
        watch.NotifyGatewayCountChanged(1, 0, connectionRecovered: true);
        watch.NotifyGatewayCountChanged(2, 1, connectionRecovered: false);
        await Elapse(time, ClusterConnectionWatch.Settle * 2);
        Assert.Equal(0, heard);

        // Both close (the silos leave), then one opens to a new silo: heard once, a settling time after the last change.
        watch.NotifyGatewayCountChanged(1, 2, connectionRecovered: false);
        await Elapse(time, ClusterConnectionWatch.Settle / 2);
        watch.NotifyGatewayCountChanged(0, 1, connectionRecovered: false);
        await Elapse(time, ClusterConnectionWatch.Settle * 2);
        Assert.Equal(0, heard);
        watch.NotifyGatewayCountChanged(1, 0, connectionRecovered: true);
        await Elapse(time, ClusterConnectionWatch.Settle / 2);
        Assert.Equal(0, heard);
        await Elapse(time, ClusterConnectionWatch.Settle);
        Assert.Equal(1, heard);
        await Elapse(time, ClusterConnectionWatch.Settle * 3);
        Assert.Equal(1, heard);

        // A listener that stopped listening hears nothing more.
        registration.Dispose();
        watch.NotifyGatewayCountChanged(0, 1, connectionRecovered: false);
        watch.NotifyGatewayCountChanged(1, 0, connectionRecovered: true);
        await Elapse(time, ClusterConnectionWatch.Settle * 2);
        Assert.Equal(1, heard);
    }

    /// <summary>
    /// Ann's table, watched by Ann through a feed (connection "ann"), is reactivated without its observers (as when
    /// its silo left without handing it over) and goes on: Bob sits down. The feed heard nothing of it; the events the
    /// table sent meanwhile, up to the current one, are returned as another subscriber got them. The feed reaches the
    /// table through <paramref name="grains"/> and runs on a fake clock.
    /// </summary>
    private async Task<GoneOn> TableGoneOnWithout(IGrainFactory grains)
    {
        var hub = new RecordingHub<TableHub>();
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var template = await fixture.NewTemplate();
        var ann = await fixture.SignInGuest("Ann");
        var bob = await fixture.SignInGuest("Bob");
        var table = (await fixture.CreateTable(ann.AccessToken, template)).Table.TableId;
        var feed = NewFeed(table, grains, hub, time);
        await feed.AddViewer("ann", ann.Player.Profile.PlayerId);
        var start = Assert.IsType<TableSnapshot>(Assert.Single(hub.Of("ann"))).EventSeq;

        var grain = fixture.Grains.GetGrain<ITableGrain>(table);
        await grain.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var other = new FeedEvents();
        var reference = fixture.Grains.CreateObjectReference<ITableFeedObserver>(other);
        await grain.SubscribeFeed(reference);
        await fixture.Sit(bob.AccessToken, table, 3);
        var current = (await fixture.PublicSnapshot(table)).EventSeq;
        Assert.True(current > start, $"the table did not move on ({start} → {current})");
        Assert.True(await Eventually(() => other.Events.LastOrDefault()?.EventSeq == current), "the other subscriber did not get the table's events");
        await grain.UnsubscribeFeed(reference);
        fixture.Grains.DeleteObjectReference<ITableFeedObserver>(reference);
        await Barrier(feed);
        Assert.Single(hub.Of("ann"));
        return new(feed, hub, time, ann, bob, table, current, [.. other.Events.Where(e => e.EventSeq > start)]);
    }

    /// <summary>What <see cref="TableGoneOnWithout"/> set up.</summary>
    private sealed record GoneOn(TableFeed Feed, RecordingHub<TableHub> Hub, FakeTimeProvider Time, AuthResponse Ann, AuthResponse Bob, string Table, long Current, List<TableFeedEvent> Sent);

    private static readonly TimeSpan GapTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Advances <paramref name="time"/> by <paramref name="step"/> unless <paramref name="done"/> already holds; whether it held.</summary>
    private static bool AdvancedPast(FakeTimeProvider time, TimeSpan step, Func<bool> done)
    {
        if (done())
        {
            return true;
        }

        time.Advance(step);
        return false;
    }

    /// <summary>A second subscriber to a table's feed: what the table sent, in order of arrival.</summary>
    private sealed class FeedEvents : ITableFeedObserver
    {
        public System.Collections.Concurrent.ConcurrentQueue<TableFeedEvent> Events { get; } = new();

        public Task OnTableFeed(TableFeedEvent feedEvent)
        {
            Events.Enqueue(feedEvent);
            return Task.CompletedTask;
        }
    }

    private TableFeed NewFeed(string table, IGrainFactory grains, RecordingHub<TableHub> hub, TimeProvider time) =>
        new(table, grains, hub, GapTimeout, time, fixture.App.Services.GetRequiredService<RelayMetrics>(), NullLogger.Instance);

    private static async Task Stop(TableFeed feed)
    {
        feed.Stop();
        await feed.Completion.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Returns once the feed's loop handled everything queued before (a snapshot request for nobody passes through it).</summary>
    private static Task Barrier(TableFeed feed) => feed.SendSnapshot("nobody").WaitAsync(TimeSpan.FromSeconds(10));

    private static async Task<bool> Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        return condition();
    }

    private static async Task Elapse(FakeTimeProvider time, TimeSpan span)
    {
        time.Advance(span);
        // The watch's delay continues on a pool thread.
        await Task.Delay(100);
    }
}
