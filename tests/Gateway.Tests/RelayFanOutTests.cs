using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Orleans.Poker.Gateway.Hubs;
using Orleans.Poker.Gateway.Relay;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Gateway.Tests;

/// <summary>The table relay's fan-out: one serialization per event, and a slow connection delays only itself.</summary>
[Collection(GatewayCollection.Name)]
public sealed class RelayFanOutTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Each_viewers_event_from_the_tables_bytes_equals_serializing_their_own_message_with_the_hubs_options()
    {
        var template = await fixture.NewTemplate();
        var a = await fixture.SignInGuest("Ann");
        var table = (await fixture.CreateTable(a.AccessToken, template)).Table.TableId;
        var view = (await fixture.PublicSnapshot(table)).View with { HandNo = 4, ActorSeat = 2, TurnId = 6 };
        var mine = new PrivateView(a.Player.Profile.PlayerId, 2, ["As", "Kd"], new LegalActions { CanFold = true, CallAmount = 2, CanBetOrRaise = true, MinRaiseTo = 4, MaxRaiseTo = 100 });
        var other = new PrivateView(a.Player.Profile.PlayerId + 1, 3, ["7h", "7c"], null);
        var tableEvent = new TableEvent(table, 7, 9, TableEventKind.Action, "Ann calls \"2\"", view, [mine, other], null);
        var feedEvent = TableFeedEvent.From(tableEvent);
        var payload = new EventPayload(feedEvent);
        var hubJson = fixture.App.Services.GetRequiredService<IOptions<JsonHubProtocolOptions>>().Value.PayloadSerializerOptions;

        foreach (var own in new[] { null, mine, other })
        {
            var part = own is null ? null : Assert.Single(feedEvent.Private, p => p.PlayerId == own.PlayerId);
            var expected = JsonSerializer.Serialize(
                new TableEventMessage(table, 7, 9, TableEventKind.Action, "Ann calls \"2\"", view, null, own), hubJson);
            Assert.Equal(expected, payload.For(part).ToString());
            Assert.Equal(expected, JsonSerializer.Serialize(payload.For(part), hubJson));
        }

        // Only the player to act has a yourTurn, naming the turn.
        var turn = Assert.Single(feedEvent.Private, p => p.YourTurn is not null).YourTurn!;
        Assert.Equal(new YourTurnMessage(table, 7, 4, 6, 2, mine.Legal!, view.Deadline), turn);
        Assert.Same(payload.For(null), payload.For(null));
        Assert.Null(payload.Result);
    }

    [Fact]
    public async Task A_stalled_connection_does_not_hold_back_the_others_and_catches_up_with_a_snapshot()
    {
        var template = await fixture.NewTemplate();
        var a = await fixture.SignInGuest("Fast");
        var table = (await fixture.CreateTable(a.AccessToken, template)).Table.TableId;
        var hub = new RecordingHub<TableHub>();
        var feed = new TableFeed(table, fixture.Grains, hub, TimeSpan.FromSeconds(30), TimeProvider.System, fixture.App.Services.GetRequiredService<RelayMetrics>(), NullLogger.Instance);
        await feed.AddViewer("fast", 1);
        var slowWatch = feed.AddViewer("slow", 2);
        Assert.True(await hub.WaitFor(() => hub.Of("slow").Count == 1), "the slow viewer's snapshot send did not start");
        var start = hub.Of("fast").OfType<TableSnapshot>().Single().EventSeq;
        var view = (await fixture.PublicSnapshot(table)).View;
        const int events = ConnectionQueue.MaxBacklog * 2;

        for (var seq = start + 1; seq <= start + events; seq++)
        {
            feed.Post(TableFeedEvent.From(new TableEvent(table, seq, seq, TableEventKind.Action, "x", view, [], null)), System.Diagnostics.Stopwatch.GetTimestamp());
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
        Assert.InRange(queued.Count, ConnectionQueue.MaxBacklog - 1, ConnectionQueue.MaxBacklog);
        Assert.Equal(1, feed.Lagged);
        feed.Stop();
        await feed.Completion.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_stalled_lobby_connection_does_not_hold_back_the_others_and_gets_the_list_again()
    {
        var template = await fixture.NewTemplate();
        var a = await fixture.SignInGuest("Lobby");
        var table = (await fixture.CreateTable(a.AccessToken, template)).Table.TableId;
        var summary = await fixture.Grains.GetGrain<ITableGrain>(table).GetSummary();
        var hub = new RecordingHub<LobbyHub>();
        var relay = new LobbyRelay(fixture.Grains, hub, Options.Create(new JsonHubProtocolOptions { PayloadSerializerOptions = TableJson.Options }), fixture.Options, TimeProvider.System, fixture.App.Services.GetRequiredService<RelayMetrics>(), NullLogger<LobbyRelay>.Instance);
        await relay.StartAsync(CancellationToken.None);
        await relay.Connected("fast");
        await relay.Connected("slow");
        const int changes = ConnectionQueue.MaxBacklog * 2;
        var marker = $"lobby-{Guid.NewGuid():N}";

        for (var i = 0; i < changes; i++)
        {
            await relay.OnTableUpdated(summary with { Name = $"{marker} {i}" });
        }

        int Ours(string connectionId) => hub.Of(connectionId).Count(m => m?.ToString()?.Contains(marker, StringComparison.Ordinal) == true);
        Assert.True(await hub.WaitFor(() => Ours("fast") == changes), $"fast got {Ours("fast")} of {changes}");
        Assert.Equal(1, Ours("slow"));

        hub.Release();
        Assert.True(await hub.WaitFor(() => hub.Sends("slow").Any(s => s.Method == LobbyHub.TablesMethod)), "the slow connection did not get the list again");
        Assert.Equal(LobbyHub.TablesMethod, hub.Sends("slow")[^1].Method);
        Assert.InRange(Ours("slow"), ConnectionQueue.MaxBacklog - 1, ConnectionQueue.MaxBacklog);
        await relay.StopAsync(CancellationToken.None);
    }

    internal static long Seq(PreSerialized message) => JsonDocument.Parse(message.Utf8).RootElement.GetProperty("eventSeq").GetInt64();
}
