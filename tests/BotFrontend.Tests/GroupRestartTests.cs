using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Poker.BotFrontend.Play;
using Orleans.Poker.Grains.Interfaces.Bot;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.BotFrontend.Tests;

/// <summary>
/// Group chats are kept in the bot's <see cref="IBotGroupsGrain"/>: a new bot process resumes posting a group's table,
/// one process posts to a group at a time, and a group the bot left stays forgotten. Each test runs bot hosts of its
/// own bot (token) with their own fake Bot API, so it can tell which host posted.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class GroupRestartTests(BotFixture bot)
{
    private static long clientSeq = 3_000_000;

    [Fact]
    public async Task A_new_bot_process_resumes_posting_a_groups_table_and_one_process_posts_at_a_time()
    {
        const long group = -1_002_223_401;
        const string token = "777001:GROUP-RESTART";
        var tableId = Handling.UpdateHandler.GroupTableId(group);
        var table = bot.Grains.GetGrain<ITableGrain>(tableId);
        await using var apiA = await FakeBotApi.Start();
        await using var apiB = await FakeBotApi.Start();
        await using var apiC = await FakeBotApi.Start();
        var fast = TimeSpan.FromMilliseconds(200);

        var first = await bot.StartBot(bot.OtherBot(token, apiA));
        using (var webhook = first.GetTestServer().CreateClient())
        {
            (await bot.Post(BotFixture.Membership(BotFixture.NewUserId(), group, "left", "member"), webhook: webhook)).EnsureSuccessStatusCode();
            await apiA.WaitFor(r => r.Method == "sendMessage" && r.ChatId == group);
        }

        await SeatTwo(table);
        var hand = (await bot.StartNextHand(table)).View.HandNo;
        await apiA.WaitFor(r => r.Method == "sendMessage" && r.ChatId == group && r.Text.Contains($"#{hand}", StringComparison.Ordinal));
        await BotFixture.Stop(first);
        var stopped = apiA.LastIndex;

        // Two processes start: the registry gives the group to one of them.
        var running = new List<WebApplication>();
        try
        {
            var b = await bot.StartBot(bot.OtherBot(token, apiB, fast));
            running.Add(b);
            var c = await bot.StartBot(bot.OtherBot(token, apiC, fast));
            running.Add(c);
            await Task.WhenAll(Watches(b).Ready, Watches(c).Ready);
            var posting = new[] { (Host: b, Api: apiB), (Host: c, Api: apiC) }.Where(h => Watches(h.Host).Find(tableId)?.HasGroup(group) == true).ToList();
            var owner = Assert.Single(posting);
            var other = owner.Host == b ? (Host: c, Api: apiC) : (Host: b, Api: apiB);

            await ActOnce(table);
            var resumed = await owner.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == group && r.Text.Contains($"#{hand}", StringComparison.Ordinal));
            var otherWatched = Watches(other.Host).Find(tableId);

            // The owner stops: the other process takes the group over at its next claim.
            running.Remove(owner.Host);
            await BotFixture.Stop(owner.Host);
            var ownerStopped = owner.Api.LastIndex;
            // (Nothing in this process announces the claim: a bounded wait.)
            await BoundedWait.Until(() => Watches(other.Host).Find(tableId)?.HasGroup(group) == true, "takeover of the group at the other process's next claim");
            await ActOnce(table);
            var posted = await other.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == group && r.Text.Contains($"#{hand}", StringComparison.Ordinal));
            await ActOnce(table);
            var edited = await other.Api.WaitFor(r => r.Method == "editMessageText" && r.ChatId == group, posted.Index);

            Assert.StartsWith("🃏", resumed.Text, StringComparison.Ordinal);
            Assert.Null(otherWatched);
            Assert.NotNull(edited.MessageId);
            Assert.Single(other.Api.To(group), r => r.Method == "sendMessage");
            Assert.DoesNotContain(apiA.Requests, r => r.Index > stopped);
            Assert.DoesNotContain(owner.Api.Requests, r => r.Index > ownerStopped);
            Assert.Contains(new BotGroup(group, tableId), await bot.Grains.GetGrain<IBotGroupsGrain>(777001).List());
        }
        finally
        {
            foreach (var host in running)
            {
                await BotFixture.Stop(host);
            }
        }
    }

    [Fact]
    public async Task A_group_the_bot_left_is_forgotten_across_a_restart()
    {
        const long group = -1_002_223_402;
        const string token = "777002:GROUP-LEFT";
        var tableId = Handling.UpdateHandler.GroupTableId(group);
        await using var api = await FakeBotApi.Start();
        var user = BotFixture.NewUserId();

        var first = await bot.StartBot(bot.OtherBot(token, api));
        using (var webhook = first.GetTestServer().CreateClient())
        {
            (await bot.Post(BotFixture.Membership(user, group, "left", "member"), webhook: webhook)).EnsureSuccessStatusCode();
            await api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == group);
            var recorded = await bot.Grains.GetGrain<IBotGroupsGrain>(777002).List();
            (await bot.Post(BotFixture.Membership(user, group, "member", "kicked"), webhook: webhook)).EnsureSuccessStatusCode();
            await first.Services.GetRequiredService<Telegram.ChatQueues>().Idle(group);
            Assert.Equal([new BotGroup(group, tableId)], recorded);
        }

        await BotFixture.Stop(first);
        var second = await bot.StartBot(bot.OtherBot(token, api));
        try
        {
            await Watches(second).Ready;

            Assert.Empty(await bot.Grains.GetGrain<IBotGroupsGrain>(777002).List());
            Assert.Null(Watches(second).Find(tableId));
        }
        finally
        {
            await BotFixture.Stop(second);
        }
    }

    [Fact]
    public async Task A_group_whose_table_ended_is_forgotten()
    {
        const long group = -1_002_223_403;
        const string token = "777004:GROUP-ENDED";
        var tableId = Handling.UpdateHandler.GroupTableId(group);
        await using var api = await FakeBotApi.Start();
        var registry = bot.Grains.GetGrain<IBotGroupsGrain>(777004);

        var host = await bot.StartBot(bot.OtherBot(token, api));
        try
        {
            using var webhook = host.GetTestServer().CreateClient();
            (await bot.Post(BotFixture.Membership(BotFixture.NewUserId(), group, "left", "member"), webhook: webhook)).EnsureSuccessStatusCode();
            await api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == group);
            var recorded = await registry.List();

            // The watch's loop ends once it has handled the table's end: unsubscribed and the group forgotten.
            var watch = Watches(host).Find(tableId) ?? throw new Xunit.Sdk.XunitException("the group's table is not watched");
            await bot.Grains.GetGrain<ITableGrain>(tableId).Close("test: the group's table ends");
            await watch.Loop.WaitAsync(TimeSpan.FromSeconds(10));
            var left = await registry.List();

            Assert.Equal([new BotGroup(group, tableId)], recorded);
            Assert.Empty(left);
            Assert.Null(Watches(host).Find(tableId));
        }
        finally
        {
            await BotFixture.Stop(host);
        }
    }

    [Fact]
    public async Task The_groups_of_a_crashed_process_are_taken_over_when_its_lease_runs_out_except_those_whose_table_is_gone()
    {
        var registry = bot.Grains.GetGrain<IBotGroupsGrain>(777005);
        var live = await bot.NewTable("Live group table");
        var ended = await bot.NewTable("Ended group table");
        await ended.Close("test: ended while no bot process posted");
        var lease = TimeSpan.FromSeconds(1);
        await registry.Add(-1_002_223_405, live.GetPrimaryKeyString(), "crashed-process", lease);
        await registry.Add(-1_002_223_406, ended.GetPrimaryKeyString(), "crashed-process", lease);
        await registry.Add(-1_002_223_407, "gmissing", "crashed-process", lease);
        bot.Time.Advance(TimeSpan.FromSeconds(2));
        await using var api = await FakeBotApi.Start();

        var host = await bot.StartBot(bot.OtherBot("777005:GROUP-CRASH", api));
        try
        {
            await Watches(host).Ready;

            Assert.Equal(TableStatus.Ended, (await ended.GetSummary()).Status);
            Assert.Equal([new BotGroup(-1_002_223_405, live.GetPrimaryKeyString())], await registry.List());
            Assert.True(Watches(host).Find(live.GetPrimaryKeyString())?.HasGroup(-1_002_223_405));
            Assert.Null(Watches(host).Find(ended.GetPrimaryKeyString()));
            Assert.Null(Watches(host).Find("gmissing"));
        }
        finally
        {
            await BotFixture.Stop(host);
        }
    }

    [Fact]
    public async Task The_registry_hands_a_group_to_one_relay_until_its_lease_runs_out_or_it_releases_and_refuses_bad_input()
    {
        var registry = bot.Grains.GetGrain<IBotGroupsGrain>(777003);
        const long group = -1_009_000_001;
        var lease = TimeSpan.FromSeconds(5);

        var byFirst = await registry.Add(group, "g1009000001", "relay-1", lease);
        var bySecond = await registry.Add(group, "g1009000001", "relay-2", lease);
        var secondHolds = await registry.Claim("relay-2", lease);
        var firstHolds = await registry.Claim("relay-1", lease);
        bot.Time.Advance(TimeSpan.FromSeconds(6));
        var takenOver = await registry.Claim("relay-2", lease);
        var firstLost = await registry.Claim("relay-1", lease);
        await registry.Release("relay-2");
        var released = await registry.Claim("relay-1", lease);
        var invalid = new List<PokerException>
        {
            await Assert.ThrowsAsync<PokerException>(() => registry.Add(42, "g42", "relay-1", lease)),
            await Assert.ThrowsAsync<PokerException>(() => registry.Add(-42, " ", "relay-1", lease)),
            await Assert.ThrowsAsync<PokerException>(() => registry.Add(-42, "g42", "", lease)),
            await Assert.ThrowsAsync<PokerException>(() => registry.Claim("relay-1", TimeSpan.Zero)),
            await Assert.ThrowsAsync<PokerException>(() => registry.Claim("relay-1", TimeSpan.FromDays(2))),
        };
        var listed = await registry.List();
        var removed = await registry.Remove(group);
        var removedAgain = await registry.Remove(group);

        Assert.True(byFirst);
        Assert.False(bySecond);
        Assert.Empty(secondHolds);
        Assert.Equal([new BotGroup(group, "g1009000001")], firstHolds);
        Assert.Equal(firstHolds, takenOver);
        Assert.Empty(firstLost);
        Assert.Equal(firstHolds, released);
        Assert.All(invalid, e => Assert.Equal("invalid_group", e.Code));
        Assert.Equal(firstHolds, listed);
        Assert.True(removed);
        Assert.False(removedAgain);
        Assert.Empty(await registry.List());
    }

    private static TableWatches Watches(WebApplication host) => host.Services.GetRequiredService<TableWatches>();

    /// <summary>Two mini-app players sit at <paramref name="table"/>.</summary>
    private async Task SeatTwo(ITableGrain table)
    {
        foreach (var name in new[] { "Ann", "Bob" })
        {
            var playerId = BotFixture.NewUserId();
            await bot.Grains.GetGrain<IPlayerGrain>(playerId).Register(new PlayerProfile { PlayerId = playerId, DisplayName = name });
            await table.Sit(new SeatRequest(playerId, name, 100));
        }
    }

    /// <summary>The player to act checks or calls.</summary>
    private static async Task ActOnce(ITableGrain table)
    {
        var view = (await table.GetSnapshot(null)).View;
        var actor = view.Seats.Single(s => s.Seat == view.ActorSeat).PlayerId!.Value;
        var legal = (await table.GetSnapshot(actor)).Mine!.Legal!;
        await table.Act(actor, new TurnRef(view.HandNo, view.TurnId), new PlayerAction(legal.CanCheck ? ActionKind.Check : ActionKind.Call), Interlocked.Increment(ref clientSeq));
    }
}
