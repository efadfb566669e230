using Microsoft.Extensions.DependencyInjection;
using Orleans.Poker.BotFrontend.Telegram;
using Orleans.Poker.Grains.Interfaces.Bot;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.BotFrontend.Tests;

[Collection(BotCollection.Name)]
public sealed class GroupTests(BotFixture bot)
{
    [Fact]
    public async Task Adding_the_bot_to_a_group_opens_the_groups_table_and_removing_it_stops_the_posts()
    {
        const long group = -1_002_223_334;
        var (a, b) = (BotFixture.NewUserId(), BotFixture.NewUserId());
        var tableId = Handling.UpdateHandler.GroupTableId(group);
        var table = bot.Grains.GetGrain<ITableGrain>(tableId);
        var after = bot.Api.LastIndex;
        // Both opened the bot in private first: a group join seats only players the bot can reach.
        await bot.Say(a, "/start");
        await bot.Say(b, "/start");

        (await bot.Post(BotFixture.Membership(a, group, "left", "member"))).EnsureSuccessStatusCode();
        var created = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == group, after);
        var summary = await table.GetSummary();
        await bot.Press(a, $"j:{tableId}", group);
        await bot.Press(b, $"j:{tableId}", group);
        var dealt = bot.Api.LastIndex;
        var first = (await bot.StartNextHand(table)).View.HandNo;
        var posted = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == group && r.Text.Contains($"#{first}", StringComparison.Ordinal), dealt);

        (await bot.Post(BotFixture.Membership(a, group, "member", "left"))).EnsureSuccessStatusCode();
        await bot.Queues.Idle(group);
        var removed = bot.Api.LastIndex;
        var view = (await table.GetSnapshot(null)).View;
        var actor = view.Seats.Single(s => s.Seat == view.ActorSeat).PlayerId!.Value;
        await bot.Press(actor, $"a:{tableId}:{first}:f");
        var second = (await bot.StartNextHand(table)).View.HandNo;
        // The seated players still get the next hand privately: it was relayed, just not to the group.
        await bot.Api.WaitFor(r => r.ChatId == a && r.Text.Contains($"#{second}", StringComparison.Ordinal), removed);
        await bot.Api.WaitFor(r => r.ChatId == b && r.Text.Contains($"#{second}", StringComparison.Ordinal), removed);

        Assert.Contains("A poker table for this group: Poker group", created.Text, StringComparison.Ordinal);
        Assert.Equal([$"j:{tableId}"], created.CallbackData);
        Assert.Equal("Poker group", summary.Name);
        Assert.StartsWith("🃏", posted.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Api.Requests, r => r.Index > removed && r.ChatId == group);
    }

    [Fact]
    public async Task A_group_upgraded_to_a_supergroup_keeps_its_table_there()
    {
        const long group = -1_002_223_339;
        const long supergroup = -1_001_002_223_339;
        var (a, b) = (BotFixture.NewUserId(), BotFixture.NewUserId());
        var tableId = Handling.UpdateHandler.GroupTableId(group);
        var table = bot.Grains.GetGrain<ITableGrain>(tableId);
        var registry = bot.Grains.GetGrain<IBotGroupsGrain>(bot.Bot.Services.GetRequiredService<BotIdentity>().Id);
        await bot.Say(a, "/start");
        await bot.Say(b, "/start");
        var after = bot.Api.LastIndex;
        (await bot.Post(BotFixture.Membership(a, group, "left", "member"))).EnsureSuccessStatusCode();
        await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == group, after);
        await bot.Press(a, $"j:{tableId}", group);
        await bot.Press(b, $"j:{tableId}", group);
        var first = (await bot.StartNextHand(table)).View.HandNo;
        await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == group && r.Text.Contains($"#{first}", StringComparison.Ordinal), after);
        await bot.Outbox.Idle(group);

        // Telegram upgrades the group: the old id refuses every post, and both chats get a service message.
        bot.Api.Migrate(group, supergroup);
        var (inOld, inNew) = BotFixture.Migration(a, group, supergroup);
        (await bot.Post(inOld)).EnsureSuccessStatusCode();
        (await bot.Post(inNew)).EnsureSuccessStatusCode();
        await bot.Queues.Idle(group);
        await bot.Queues.Idle(supergroup);
        var moved = bot.Api.LastIndex;
        var view = (await table.GetSnapshot(null)).View;
        var actor = view.Seats.Single(s => s.Seat == view.ActorSeat).PlayerId!.Value;
        await bot.Press(actor, $"a:{tableId}:{first}:f");
        var second = (await bot.StartNextHand(table)).View.HandNo;
        var posted = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == supergroup && r.Text.Contains($"#{second}", StringComparison.Ordinal), moved);

        // /startgroup in the supergroup announces the same table; no table is opened for the new id.
        var startgroup = await bot.Say(a, "/startgroup", supergroup);
        var kept = await registry.TableOf(supergroup);
        var groups = await registry.List();
        var repeated = await registry.Move(group, supergroup);
        var invalid = await Assert.ThrowsAsync<Grains.Interfaces.Common.PokerException>(() => registry.Move(supergroup, supergroup));
        var noTable = await Assert.ThrowsAsync<Grains.Interfaces.Common.PokerException>(() => bot.Grains.GetGrain<ITableGrain>(Handling.UpdateHandler.GroupTableId(supergroup)).GetSummary());

        Assert.StartsWith("🃏", posted.Text, StringComparison.Ordinal);
        Assert.Equal([$"j:{tableId}"], startgroup.CallbackData);
        Assert.Equal(tableId, kept);
        Assert.Contains(new BotGroup(supergroup, tableId), groups);
        Assert.DoesNotContain(groups, g => g.ChatId == group);
        Assert.Equal(tableId, repeated);
        Assert.Equal("invalid_group", invalid.Code);
        Assert.Equal("not_found", noTable.Code);
        Assert.DoesNotContain(bot.Api.Requests, r => r.Index > moved && r.ChatId == group);
        await table.Close("test over");
    }

    [Fact]
    public async Task A_group_whose_table_ended_gets_a_fresh_table_from_startgroup_and_from_re_adding_the_bot()
    {
        const long group = -1_002_223_340;
        var (a, b) = (BotFixture.NewUserId(), BotFixture.NewUserId());
        var registry = bot.Grains.GetGrain<IBotGroupsGrain>(bot.Bot.Services.GetRequiredService<BotIdentity>().Id);
        var firstId = Handling.UpdateHandler.GroupTableId(group);
        // Closed by a host or an admin, or for idleness: the table ends.
        async Task End(string tableId)
        {
            await bot.Grains.GetGrain<ITableGrain>(tableId).Close("idle");
            await BoundedWait.Until(async () => (await bot.Grains.GetGrain<ITableGrain>(tableId).GetSummary()).Status == TableStatus.Ended, $"the end of table {tableId}");
            await bot.Queues.Idle(group);
            await bot.Outbox.Idle(group);
        }

        // What the bot shows the group after the update: the announcement with its Join button.
        async Task<BotApiRequest> Announcement(System.Text.Json.Nodes.JsonObject update)
        {
            await bot.Outbox.Idle(group);
            var after = bot.Api.LastIndex;
            (await bot.Post(update)).EnsureSuccessStatusCode();
            return await bot.Api.WaitFor(r => r.ChatId == group && r.CallbackData.Any(c => c.StartsWith("j:", StringComparison.Ordinal)), after);
        }

        await bot.Say(a, "/start");
        await bot.Say(b, "/start");
        await bot.Say(a, "/startgroup", group);
        await End(firstId);

        // /startgroup opens a new table for the group and posts it; the group's later commands find it.
        var announced = await Announcement(BotFixture.Message(a, "/startgroup", group));
        var secondId = announced.CallbackData.Single()[2..];
        var recorded = await registry.TableOf(group);
        var second = await bot.Grains.GetGrain<ITableGrain>(secondId).GetSummary();
        await bot.Press(a, $"j:{secondId}", group);
        var joined = await bot.Press(b, $"j:{secondId}", group);
        var again = await Announcement(BotFixture.Message(a, "/startgroup", group));
        var seated = (await bot.Grains.GetGrain<ITableGrain>(secondId).GetSnapshot(null)).View.Seats.Count(s => s.PlayerId is not null);

        // That table ends too (its players cashed out): re-adding the bot opens a third one.
        await End(secondId);
        (await bot.Post(BotFixture.Membership(a, group, "member", "left"))).EnsureSuccessStatusCode();
        await bot.Queues.Idle(group);
        var third = await Announcement(BotFixture.Membership(a, group, "left", "member"));
        var thirdId = third.CallbackData.Single()[2..];

        Assert.Equal("sendMessage", announced.Method);
        Assert.Contains("A poker table for this group: Poker group", announced.Text, StringComparison.Ordinal);
        Assert.NotEqual(firstId, secondId);
        Assert.True(TableIds.IsValid(secondId));
        Assert.Equal(secondId, recorded);
        Assert.NotEqual(TableStatus.Ended, second.Status);
        Assert.Equal("Poker group", second.Name);
        Assert.Equal("Done", joined.Json["text"]?.GetValue<string>());
        Assert.Equal(2, seated);
        Assert.Equal([$"j:{secondId}"], again.CallbackData);
        Assert.DoesNotContain(thirdId, new[] { firstId, secondId });
        Assert.Equal(thirdId, await registry.TableOf(group));
        Assert.Contains(new BotGroup(group, thirdId), await registry.List());
        await bot.Grains.GetGrain<ITableGrain>(thirdId).Close("test over");
    }

    [Fact]
    public async Task Membership_changes_that_are_no_join_or_leave_do_nothing_and_a_second_add_reuses_the_table()
    {
        const long group = -1_002_223_335;
        var user = BotFixture.NewUserId();
        var tableId = Handling.UpdateHandler.GroupTableId(group);
        var after = bot.Api.LastIndex;

        (await bot.Post(BotFixture.Membership(user, group, "member", "administrator"))).EnsureSuccessStatusCode();
        await bot.Queues.Idle(group);
        var promoted = bot.Api.Requests.Where(r => r.Index > after && r.ChatId == group).ToList();
        var missing = await Assert.ThrowsAsync<Grains.Interfaces.Common.PokerException>(() => bot.Grains.GetGrain<ITableGrain>(tableId).GetSummary());
        (await bot.Post(BotFixture.Membership(user, group, "left", "administrator"))).EnsureSuccessStatusCode();
        var firstPost = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == group, after);
        // The bot records the announcement's message id once Telegram answered the send, which announces nothing here.
        var registry = bot.Grains.GetGrain<IBotGroupsGrain>(bot.Bot.Services.GetRequiredService<BotIdentity>().Id);
        await BoundedWait.Until(async () => await registry.GetAnnouncement(group) is not null, "recorded announcement");
        (await bot.Post(BotFixture.Membership(user, group, "administrator", "kicked"))).EnsureSuccessStatusCode();
        (await bot.Post(BotFixture.Membership(user, group, "kicked", "member"))).EnsureSuccessStatusCode();
        // The second add edits the group's one announcement.
        var secondPost = await bot.Api.WaitFor(r => r.Method == "editMessageText" && r.ChatId == group && r.MessageId == firstPost.SentMessageId, firstPost.Index);

        Assert.Empty(promoted);
        Assert.Equal("not_found", missing.Code);
        Assert.Equal(firstPost.CallbackData, secondPost.CallbackData);
        Assert.Equal([$"j:{tableId}"], secondPost.CallbackData);
    }

    [Fact]
    public async Task A_group_whose_posts_were_refused_gets_them_again_once_the_bot_is_added_back()
    {
        const long group = -1_002_223_336;
        var user = BotFixture.NewUserId();
        var after = bot.Api.LastIndex;
        (await bot.Post(BotFixture.Membership(user, group, "left", "member"))).EnsureSuccessStatusCode();
        await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == group, after);
        await bot.Outbox.Idle(group);

        // The bot is removed; a post queued just then is refused with a 403 and the outbox stops writing to the group.
        bot.Api.FailChat(group, 403);
        (await bot.Post(BotFixture.Message(user, "/startgroup", group))).EnsureSuccessStatusCode();
        await bot.Queues.Idle(group);
        await bot.Outbox.Idle(group);
        (await bot.Post(BotFixture.Membership(user, group, "member", "left"))).EnsureSuccessStatusCode();
        await bot.Queues.Idle(group);
        var refused = bot.Outbox.IsUnreachable(group);

        // Added back: the bot writes to the group again (its announcement, edited: "not modified" when it reads the same).
        bot.Api.ClearChat(group);
        var readded = bot.Api.LastIndex;
        (await bot.Post(BotFixture.Membership(user, group, "left", "member"))).EnsureSuccessStatusCode();
        var shown = await bot.Api.WaitFor(r => r.ChatId == group, readded);

        Assert.True(refused);
        Assert.Equal([$"j:{Handling.UpdateHandler.GroupTableId(group)}"], shown.CallbackData);
        await bot.Grains.GetGrain<ITableGrain>(Handling.UpdateHandler.GroupTableId(group)).Close("test over");
    }

    [Fact]
    public async Task A_banned_player_who_adds_the_bot_to_a_group_opens_no_table()
    {
        const long group = -1_002_223_337;
        var user = BotFixture.NewUserId();
        await bot.Say(user, "/start");
        await bot.Grains.GetGrain<IPlayerGrain>(user).Ban(BotFixture.AdminId, "spam");
        var after = bot.Api.LastIndex;

        (await bot.Post(BotFixture.Membership(user, group, "left", "member"))).EnsureSuccessStatusCode();
        await bot.Queues.Idle(group);
        await bot.Outbox.Idle(group);

        var missing = await Assert.ThrowsAsync<Grains.Interfaces.Common.PokerException>(() => bot.Grains.GetGrain<ITableGrain>(Handling.UpdateHandler.GroupTableId(group)).GetSummary());
        Assert.Equal("not_found", missing.Code);
        Assert.DoesNotContain(bot.Api.Requests, r => r.Index > after && r.ChatId == group);
    }

    [Fact]
    public async Task A_groups_talk_a_command_for_another_bot_and_a_message_sent_for_a_chat_are_not_answered_and_register_nobody()
    {
        const long group = -1_002_223_338;
        var user = BotFixture.NewUserId();
        var table = bot.Grains.GetGrain<ITableGrain>(Handling.UpdateHandler.GroupTableId(group));
        var identity = bot.Bot.Services.GetRequiredService<BotIdentity>();
        await BoundedWait.Until(() => Task.FromResult(identity.Named), "the bot's name from getMe");
        var after = bot.Api.LastIndex;

        (await bot.Post(BotFixture.Message(user, "/startgroup@some_other_bot", group))).EnsureSuccessStatusCode();
        (await bot.Post(BotFixture.Message(user, "anyone up for a game?", group))).EnsureSuccessStatusCode();
        // An anonymous admin: Telegram's shared GroupAnonymousBot account, on behalf of the group.
        var anonymous = BotFixture.Message(1_087_968_824, "/startgroup", group);
        anonymous["message"]!["sender_chat"] = BotFixture.Chat(group);
        (await bot.Post(anonymous)).EnsureSuccessStatusCode();
        await bot.Queues.Idle(group);
        await bot.Outbox.Idle(group);
        var ignored = bot.Api.Requests.Where(r => r.Index > after && r.ChatId == group).ToList();
        var missing = await Assert.ThrowsAsync<Grains.Interfaces.Common.PokerException>(() => table.GetSummary());
        var unknown = await Assert.ThrowsAsync<Grains.Interfaces.Common.PokerException>(() => bot.Grains.GetGrain<Grains.Interfaces.Players.IPlayerGrain>(user).Get());
        var ours = await bot.Say(user, "/startgroup@" + identity.Username.ToUpperInvariant(), group);

        Assert.Empty(ignored);
        Assert.Equal("not_found", missing.Code);
        Assert.Equal("not_found", unknown.Code);
        Assert.Equal([$"j:{table.GetPrimaryKeyString()}"], ours.CallbackData);
        await table.Close("test over");
    }

    [Fact]
    public async Task Blocking_the_bot_in_a_private_chat_marks_the_player_unreachable_and_unblocking_reachable_again()
    {
        var user = BotFixture.NewUserId();
        await bot.Say(user, "/start");
        var player = bot.Grains.GetGrain<IPlayerGrain>(user);
        var started = (await player.Get()).Profile;

        (await bot.Post(BotFixture.Membership(user, user, "member", "kicked"))).EnsureSuccessStatusCode();
        await bot.Queues.Idle(user);
        var blocked = (await player.Get()).Profile.Unreachable;
        (await bot.Post(BotFixture.Membership(user, user, "kicked", "member"))).EnsureSuccessStatusCode();
        await bot.Queues.Idle(user);

        Assert.True(started.CanMessage);
        Assert.True(blocked);
        Assert.False((await player.Get()).Profile.Unreachable);
    }

    [Fact]
    public async Task Startgroup_and_re_adding_the_bot_edit_the_one_announcement_instead_of_posting_it_again()
    {
        const long group = -1_002_223_999;
        var user = BotFixture.NewUserId();
        var after = bot.Api.LastIndex;

        await bot.Say(user, "/startgroup", group);
        await bot.Outbox.Idle(group);
        (await bot.Post(BotFixture.Message(user, "/startgroup", group))).EnsureSuccessStatusCode();
        await bot.Queues.Idle(group);
        (await bot.Post(BotFixture.Membership(user, group, "left", "member"))).EnsureSuccessStatusCode();
        await bot.Queues.Idle(group);
        await bot.Outbox.Idle(group);

        var toGroup = bot.Api.To(group).Where(r => r.Index > after).ToList();
        var posted = Assert.Single(toGroup, r => r.Method == "sendMessage");
        Assert.Equal(2, toGroup.Count(r => r.Method == "editMessageText" && r.MessageId == posted.SentMessageId));
        await bot.Grains.GetGrain<ITableGrain>(Handling.UpdateHandler.GroupTableId(group)).Close("test over");
    }

    [Fact]
    public async Task An_announcement_somebody_deleted_is_posted_again_by_the_next_startgroup_and_that_one_is_edited_after()
    {
        const long group = -1_002_224_001;
        var user = BotFixture.NewUserId();
        var identity = bot.Bot.Services.GetRequiredService<BotIdentity>();
        await BoundedWait.Until(() => Task.FromResult(identity.Named), "the bot's name from getMe");
        var registry = bot.Grains.GetGrain<IBotGroupsGrain>(identity.Id);
        var after = bot.Api.LastIndex;

        await bot.Say(user, "/startgroup", group);
        var first = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == group, after);
        await BoundedWait.Until(async () => await registry.GetAnnouncement(group) == first.SentMessageId, "the first announcement recorded");
        // A group admin deletes it.
        bot.Api.Delete(group, first.SentMessageId!.Value);
        (await bot.Post(BotFixture.Message(user, "/startgroup", group))).EnsureSuccessStatusCode();
        var refused = await bot.Api.WaitFor(r => r.Method == "editMessageText" && r.ChatId == group && r.MessageId == first.SentMessageId, first.Index);
        var again = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == group, refused.Index);
        await BoundedWait.Until(async () => await registry.GetAnnouncement(group) == again.SentMessageId, "the announcement posted again recorded");
        (await bot.Post(BotFixture.Message(user, "/startgroup", group))).EnsureSuccessStatusCode();
        await bot.Api.WaitFor(r => r.Method == "editMessageText" && r.ChatId == group && r.MessageId == again.SentMessageId, again.Index);
        await bot.Queues.Idle(group);
        await bot.Outbox.Idle(group);

        Assert.Equal(400, refused.Status);
        Assert.Equal(2, bot.Api.To(group).Count(r => r.Index > after && r.Method == "sendMessage"));
        await bot.Grains.GetGrain<ITableGrain>(Handling.UpdateHandler.GroupTableId(group)).Close("test over");
    }
}
