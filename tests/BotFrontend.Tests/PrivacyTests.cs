using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.BotFrontend.Tests;

/// <summary>
/// What a group must not see and who a group may seat: private data stays in private chats, admin commands are
/// listed to admins only, a group join by someone who never opened the bot gets a deep link and is seated only after
/// <c>/start</c> from it; a player the table sat out sits back in from the chat.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class PrivacyTests(BotFixture bot)
{
    private const long Group = -1_004_440_001;
    private static long clientSeq = 7_000_000;

    [Theory]
    [InlineData("/wallet", "wallet")]
    [InlineData("/profile", "profile")]
    [InlineData("/stats", "stats")]
    public async Task Private_commands_in_a_group_answer_with_a_private_chat_button_and_the_private_chat_shows_them(string command, string payload)
    {
        var user = BotFixture.NewUserId();
        await bot.Say(user, "/start");
        var balance = (await bot.Grains.GetGrain<Grains.Interfaces.Players.IPlayerGrain>(user).Get()).Balance.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var inGroup = await bot.Say(user, command, Group);
        var link = inGroup.Json["reply_markup"]!["inline_keyboard"]![0]![0]!["url"]!.GetValue<string>();
        var inPrivate = await bot.Say(user, "/start " + payload);

        Assert.Equal("That is private: I show it in our private chat.", inGroup.Text);
        Assert.DoesNotContain(balance, inGroup.Body, StringComparison.Ordinal);
        Assert.EndsWith("?start=" + payload, link, StringComparison.Ordinal);
        Assert.NotEqual(inGroup.Text, inPrivate.Text);
        if (payload is "wallet" or "profile")
        {
            Assert.Contains(balance, inPrivate.Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Start_in_a_group_welcomes_the_player_without_their_balance()
    {
        var user = BotFixture.NewUserId();
        var inPrivate = await bot.Say(user, "/start");
        var balance = (await bot.Grains.GetGrain<Grains.Interfaces.Players.IPlayerGrain>(user).Get()).Balance.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var inGroup = await bot.Say(user, "/start", Group);

        Assert.Contains(balance, inPrivate.Text, StringComparison.Ordinal);
        Assert.StartsWith("Welcome to Orleans Poker", inGroup.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(balance, inGroup.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wallet_button_on_a_group_message_never_posts_the_balance_in_the_group()
    {
        var user = BotFixture.NewUserId();
        await bot.Say(user, "/start");
        var after = bot.Api.LastIndex;

        await bot.Press(user, "wa", Group);

        var toGroup = bot.Api.To(Group).Where(r => r.Index > after && r.Method == "sendMessage").ToList();
        var reply = Assert.Single(toGroup);
        Assert.Equal("That is private: I show it in our private chat.", reply.Text);
    }

    [Fact]
    public async Task Help_lists_admin_commands_to_admins_only()
    {
        var user = BotFixture.NewUserId();

        var forPlayer = await bot.Say(user, "/help");
        var forAdmin = await bot.Say(BotFixture.AdminId, "/help");

        Assert.DoesNotContain("/admin", forPlayer.Text, StringComparison.Ordinal);
        Assert.Contains("/admin", forAdmin.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_group_join_by_someone_who_never_opened_the_bot_gets_a_deep_link_and_is_seated_only_after_start()
    {
        const long group = -1_004_440_002;
        var opener = BotFixture.NewUserId();
        var stranger = BotFixture.NewUserId();
        await bot.Say(opener, "/start");
        await bot.Say(opener, "/startgroup", group);
        var tableId = Handling.UpdateHandler.GroupTableId(group);
        var table = bot.Grains.GetGrain<ITableGrain>(tableId);

        var answer = await bot.Press(stranger, $"j:{tableId}", group);
        var seatedBefore = (await table.GetSnapshot(null)).View.Seats.Any(s => s.PlayerId == stranger);
        var seatedMessage = await bot.Say(stranger, $"/start j_{tableId}");
        var seatedAfter = (await table.GetSnapshot(null)).View.Seats.Any(s => s.PlayerId == stranger);

        Assert.EndsWith($"?start=j_{tableId}", answer.Json["url"]?.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(seatedBefore);
        Assert.True(seatedAfter);
        Assert.StartsWith("You sit at", seatedMessage.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Api.To(stranger), r => r.Method == "sendMessage" && r.Status == 403);
        await table.Close("test over");
    }

    [Fact]
    public async Task A_player_the_table_sat_out_is_told_so_and_sits_back_in_from_the_chat()
    {
        var table = await bot.NewTable("Sit in table");
        var tableId = table.GetPrimaryKeyString();
        var (a, b) = await bot.JoinTwo(table);
        var start = bot.Api.LastIndex;

        // A lets every turn time out until the table sits them out; B checks or calls.
        var events = new RecordingObserver();
        await table.Subscribe(bot.Cluster.Client.CreateObjectReference<ITableObserver>(events));
        BotApiRequest? notice = null;
        for (var hands = 0; hands < 6 && notice is null; hands++)
        {
            var hand = (await bot.StartNextHand(table)).View.HandNo;
            while (await table.GetSnapshot(null) is { View: { ActorSeat: { } seat } view } snapshot && view.HandNo == hand)
            {
                var actor = view.Seats.Single(s => s.Seat == seat).PlayerId!.Value;
                if (actor == a)
                {
                    // The turn clock's tick runs on the table as soon as it can: await its event, not a fixed time.
                    bot.Time.Advance(TimeSpan.FromSeconds(21));
                    await events.WaitFor(e => e.EventSeq > snapshot.EventSeq);
                    continue;
                }

                var check = (await table.GetSnapshot(b)).Mine!.Legal!.CanCheck;
                await table.Act(b, new TurnRef(hand, view.TurnId), new PlayerAction(check ? ActionKind.Check : ActionKind.Call), Interlocked.Increment(ref clientSeq));
            }

            await bot.Outbox.Idle(a);
            notice = bot.Api.To(a).FirstOrDefault(r => r.Index > start && r.Text.StartsWith("You missed your turns", StringComparison.Ordinal));
        }

        Assert.NotNull(notice);
        Assert.Contains($"si:{tableId}", notice.CallbackData);
        Assert.True((await table.GetSnapshot(null)).View.Seats.Single(s => s.PlayerId == a).SittingOut);

        await bot.Press(a, $"si:{tableId}");

        Assert.False((await table.GetSnapshot(null)).View.Seats.Single(s => s.PlayerId == a).SittingOut);
        var next = await bot.StartNextHand(table);
        Assert.Contains(next.View.Seats, s => s.PlayerId == a && !s.SittingOut);
        await table.Close("test over");
    }
}
