using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Tests.Waitlists;

[Collection(ClusterCollection.Name)]
public sealed class WaitlistGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Players_queue_first_in_first_out_with_positions()
    {
        var waitlist = NewWaitlist();

        var positions = new[] { await waitlist.Join(1, "Ada"), await waitlist.Join(2, "Bashir"), await waitlist.Join(3, "Cyrus") };

        Assert.Equal([1, 2, 3], positions);
        Assert.Equal([1L, 2L, 3L], (await waitlist.List()).Select(e => e.PlayerId));
        Assert.Equal(2, await waitlist.GetPosition(2));
        Assert.Null(await waitlist.GetPosition(99));
        Assert.Equal(fixture.Time.GetUtcNow(), (await waitlist.List())[0].JoinedAt);
    }

    [Fact]
    public async Task Joining_twice_is_refused()
    {
        var waitlist = NewWaitlist();
        await waitlist.Join(1, "Ada");

        var error = await Assert.ThrowsAsync<PokerException>(() => waitlist.Join(1, "Ada"));

        Assert.Equal(("already_queued", 409), (error.Code, error.Status));
        Assert.Single(await waitlist.List());
    }

    [Fact]
    public async Task Leaving_moves_the_players_behind_up()
    {
        var waitlist = NewWaitlist();
        await waitlist.Join(1, "Ada");
        await waitlist.Join(2, "Bashir");
        await waitlist.Join(3, "Cyrus");

        var left = await waitlist.Leave(1);
        var notQueued = await waitlist.Leave(42);

        Assert.True(left);
        Assert.False(notQueued);
        Assert.Equal(1, await waitlist.GetPosition(2));
        Assert.Equal(2, await waitlist.GetPosition(3));
    }

    [Fact]
    public async Task Next_is_the_head_skipping_the_given_players_and_leaves_the_queue_as_it_is()
    {
        var waitlist = NewWaitlist();
        await waitlist.Join(1, "Ada");
        await waitlist.Join(2, "Bashir");
        await waitlist.Join(3, "Cyrus");

        var head = await waitlist.Next([]);
        var skipped = await waitlist.Next([1, 2]);

        Assert.Equal(1, head?.PlayerId);
        Assert.Equal(3, skipped?.PlayerId);
        Assert.Equal([1L, 2L, 3L], (await waitlist.List()).Select(e => e.PlayerId));
        Assert.Null(await waitlist.Next([1, 2, 3]));
    }

    [Fact]
    public async Task Next_passes_over_a_player_banned_while_waiting_and_drops_them()
    {
        var waitlist = NewWaitlist();
        var kit = new Tables.TableKit(fixture.Client, fixture.Time);
        var (banned, next) = (await kit.NewPlayer("Spammer"), await kit.NewPlayer("Bashir"));
        await waitlist.Join(banned, "Spammer");
        await waitlist.Join(next, "Bashir");
        await fixture.Grains.GetGrain<Interfaces.Players.IPlayerGrain>(banned).Ban(ClusterFixture.NewPlayerId(), "spam");

        var taken = await waitlist.Next([]);

        Assert.Equal(next, taken?.PlayerId);
        Assert.Equal([next], (await waitlist.List()).Select(e => e.PlayerId));
    }

    [Fact]
    public async Task Next_on_an_empty_queue_is_null()
    {
        var waitlist = NewWaitlist();

        Assert.Null(await waitlist.Next([]));
    }

    [Fact]
    public async Task Queue_survives_deactivation()
    {
        var waitlist = NewWaitlist();
        await waitlist.Join(1, "Ada");
        await waitlist.Join(2, "Bashir");

        await fixture.Cluster.DeactivateAsync(waitlist);

        Assert.Equal([1L, 2L], (await waitlist.List()).Select(e => e.PlayerId));
    }

    private IWaitlistGrain NewWaitlist() => fixture.Grains.GetGrain<IWaitlistGrain>(ClusterFixture.NewKey("table"));
}
