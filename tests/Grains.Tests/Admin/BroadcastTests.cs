using Orleans.Poker.Grains.Admin;
using Orleans.Poker.Grains.Interfaces.Admin;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Players;

namespace Orleans.Poker.Grains.Tests.Admin;

/// <summary>The broadcast grain's state machine: one at a time, the cursor moved by reports, a lease per sender, cancel, and resuming after a restart.</summary>
[Collection(ClusterCollection.Name)]
public sealed class BroadcastTests(ClusterFixture fixture)
{
    [Fact]
    public async Task A_broadcast_runs_alone_pages_after_its_cursor_survives_a_restart_and_is_cancelled_or_done()
    {
        var first = 8_100_000_000_000L + (Random.Shared.NextInt64(0, 1_000_000) * 100);
        foreach (var offset in new[] { 1, 2, 3 })
        {
            await fixture.Players.UpsertAsync(new PlayerProfile { PlayerId = first + offset, TelegramId = first + offset, DisplayName = "R", BotChat = true }, DateTimeOffset.UtcNow);
        }

        var everyone = (await fixture.Players.MessageableAsync(null, int.MaxValue)).Select(p => p.PlayerId).ToList();
        var broadcast = fixture.Grains.GetGrain<IBroadcastGrain>(ClusterFixture.NewPlayerId());

        var started = await broadcast.Start(42, "  Tournament tonight\r\nat 20:00 ");
        var second = await Assert.ThrowsAsync<PokerException>(() => broadcast.Start(43, "again"));
        var page = await broadcast.Claim("bot-a", everyone.Count - 1);
        var sameAgain = await broadcast.Claim("bot-a", everyone.Count - 1);
        var leased = await broadcast.Claim("bot-b", 10);
        var reported = await broadcast.Report("bot-a", new BroadcastReport(started.Id, page!.Recipients[^1].PlayerId, everyone.Count - 2, 1, 0));
        var stale = await broadcast.Report("bot-a", new BroadcastReport(started.Id, page.Recipients[0].PlayerId, 5, 5, 5));
        await fixture.Cluster.DeactivateAsync(broadcast);
        fixture.Time.Advance(BroadcastGrain.Lease);
        var paused = await broadcast.SetPaused(true, 42);
        var whilePaused = await broadcast.Claim("bot-b", 10);
        await broadcast.SetPaused(false, 42);
        var rest = await broadcast.Claim("bot-b", 10);

        Assert.Equal("broadcast_running", second.Code);
        Assert.Equal("Tournament tonight\nat 20:00", page.Text);
        Assert.Equal(everyone[..^1], page.Recipients.Select(r => r.PlayerId));
        Assert.Equal(page.Recipients, sameAgain!.Recipients);
        Assert.Null(leased);
        Assert.Equal((page.Recipients[^1].PlayerId, everyone.Count - 2, 1, 0), (reported!.Cursor!.Value, reported.Sent, reported.Skipped, reported.Failed));
        Assert.Equal(reported, stale);
        Assert.Equal(BroadcastStatus.Paused, paused.Status);
        Assert.Null(whilePaused);
        Assert.Equal([everyone[^1]], rest!.Recipients.Select(r => r.PlayerId));

        var cancelled = await broadcast.Cancel(43);
        var afterCancel = await broadcast.Claim("bot-b", 10);
        var late = await broadcast.Report("bot-b", new BroadcastReport(started.Id, everyone[^1], 1, 0, 0));
        var noneToCancel = await Assert.ThrowsAsync<PokerException>(() => broadcast.Cancel(43));
        var next = await broadcast.Start(42, "Next one");
        await broadcast.Report("bot-b", new BroadcastReport(next.Id, everyone[^2], everyone.Count - 1, 0, 0));
        var last = await broadcast.Claim("bot-b", 10);

        Assert.Equal((BroadcastStatus.Cancelled, 43L), (cancelled.Status, cancelled.ChangedBy));
        Assert.Null(afterCancel);
        Assert.Equal((BroadcastStatus.Cancelled, everyone.Count - 1), (late!.Status, late.Sent));
        Assert.Equal("no_broadcast", noneToCancel.Code);
        Assert.Equal([everyone[^1]], last!.Recipients.Select(r => r.PlayerId));
        await broadcast.Report("bot-b", new BroadcastReport(next.Id, everyone[^1], 1, 0, 0));
        Assert.Null(await broadcast.Claim("bot-b", 10));
        Assert.Equal((BroadcastStatus.Done, everyone.Count), ((await broadcast.Get())!.Status, (await broadcast.Get())!.Sent));
        Assert.Equal("invalid_input", (await Assert.ThrowsAsync<PokerException>(() => broadcast.Start(42, "bell\u0007"))).Code);
    }
}
