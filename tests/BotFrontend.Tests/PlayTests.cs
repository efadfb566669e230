using Orleans.Poker.BotFrontend.Rendering;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.BotFrontend.Tests;

[Collection(BotCollection.Name)]
public sealed class PlayTests(BotFixture bot)
{
    private static long clientSeq = 1_000_000;

    [Fact]
    public async Task Two_chat_players_and_a_mini_app_player_play_a_hand_to_showdown_with_buttons_and_a_custom_amount()
    {
        var table = await bot.NewTable("Showdown table");
        var tableId = table.GetPrimaryKeyString();
        var (a, b) = (BotFixture.NewUserId(), BotFixture.NewUserId());
        var app = BotFixture.NewUserId();
        await bot.Press(a, $"j:{tableId}");
        await bot.Press(b, $"j:{tableId}");
        await bot.Grains.GetGrain<IPlayerGrain>(app).Register(new PlayerProfile { PlayerId = app, TelegramId = app, DisplayName = "App player" });
        await table.Sit(new SeatRequest(app, "App player", 100));
        var start = bot.Api.LastIndex;

        var hand = (await bot.StartNextHand(table)).View.HandNo;
        var holeCards = new Dictionary<long, string>();
        foreach (var player in new[] { a, b, app })
        {
            holeCards[player] = CardText.Cards((await table.GetSnapshot(player)).Mine!.Cards);
        }

        var consumed = start;
        long? customAmount = null;
        while ((await table.GetSnapshot(null)).View is { ActorSeat: { } actorSeat } view && view.HandNo == hand)
        {
            var actor = view.Seats.Single(s => s.Seat == actorSeat).PlayerId!.Value;
            if (actor == app)
            {
                var legal = (await table.GetSnapshot(app)).Mine!.Legal!;
                await table.Act(app, new PlayerAction(legal.CanCheck ? ActionKind.Check : ActionKind.Call), Interlocked.Increment(ref clientSeq));
                continue;
            }

            var prompt = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == actor && r.CallbackData.Any(d => d.StartsWith($"a:{tableId}:{hand}:", StringComparison.Ordinal)), consumed);
            consumed = prompt.Index;
            var choices = prompt.CallbackData.Select(d => d.Split(':')[^1]).ToList();
            if (customAmount is null && view.Street == 1 && choices.Contains("x"))
            {
                var legal = (await table.GetSnapshot(actor)).Mine!.Legal!;
                customAmount = legal.MinRaiseTo + 1;
                var asked = bot.Api.LastIndex;
                await bot.Press(actor, $"a:{tableId}:{hand}:x", messageId: prompt.Json["message_id"]?.GetValue<int>() ?? 1);
                var ask = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == actor && r.Json["reply_markup"]?["force_reply"] is not null, asked);
                await bot.Post(BotFixture.Message(actor, customAmount.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                await bot.Queues.Idle(actor);
                Assert.Contains($"{legal.MinRaiseTo}", ask.Text, StringComparison.Ordinal);
                Assert.Equal(customAmount, (await table.GetSnapshot(null)).View.Seats.Single(s => s.PlayerId == actor).Bet);
                continue;
            }

            await bot.Press(actor, $"a:{tableId}:{hand}:" + (choices.Contains("k") ? "k" : "c"));
        }

        var resultA = await bot.Api.WaitFor(r => r.Method == "editMessageText" && r.ChatId == a && r.Text.Contains("🏆", StringComparison.Ordinal), start);
        var resultB = await bot.Api.WaitFor(r => r.Method == "editMessageText" && r.ChatId == b && r.Text.Contains("🏆", StringComparison.Ordinal), start);
        var requests = bot.Api.Requests.Where(r => r.Index > start).ToList();

        Assert.NotNull(customAmount);
        Assert.NotNull((await table.GetSnapshot(null)).View.LastResult);
        foreach (var player in new[] { a, b })
        {
            // One table message for the hand, edited as it moved.
            var tableMessages = requests.Where(r => r.Method == "sendMessage" && r.ChatId == player && r.Text.StartsWith("🃏", StringComparison.Ordinal)).ToList();
            Assert.Single(tableMessages);
            Assert.Contains(requests, r => r.Method == "editMessageText" && r.ChatId == player && r.MessageId is not null);
            // Their own hole cards, privately, once.
            var hole = Assert.Single(requests, r => r.Text.Contains("Your cards", StringComparison.Ordinal) && r.ChatId == player);
            Assert.EndsWith(holeCards[player], hole.Text, StringComparison.Ordinal);
        }

        // Before the result, nobody's hole cards appear in a request to another chat; the mini-app player's never do.
        var beforeResult = requests.Where(r => r.Index < Math.Min(resultA.Index, resultB.Index)).ToList();
        foreach (var (owner, cards) in holeCards)
        {
            Assert.DoesNotContain(beforeResult, r => r.Body.Contains(cards, StringComparison.Ordinal) && r.ChatId != owner);
        }

        Assert.DoesNotContain(requests, r => r.Text.Contains("Your cards", StringComparison.Ordinal) && r.ChatId == app);
    }

    [Fact]
    public async Task A_turn_that_times_out_loses_its_buttons_and_the_hand_goes_on()
    {
        var table = await bot.NewTable("Timeout table");
        var tableId = table.GetPrimaryKeyString();
        var (a, b) = (BotFixture.NewUserId(), BotFixture.NewUserId());
        await bot.Press(a, $"j:{tableId}");
        await bot.Press(b, $"j:{tableId}");
        var start = bot.Api.LastIndex;
        var view = (await bot.StartNextHand(table)).View;
        var actor = view.Seats.Single(s => s.Seat == view.ActorSeat).PlayerId!.Value;
        var prompt = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == actor && r.CallbackData.Count > 0 && r.Text.Contains("Your turn", StringComparison.Ordinal), start);

        bot.Time.Advance(TimeSpan.FromSeconds(21));

        var stripped = await bot.Api.WaitFor(r => r.Method == "editMessageReplyMarkup" && r.ChatId == actor && r.MessageId is not null, prompt.Index);
        var after = await table.GetSnapshot(null);
        Assert.True(after.View.ActorSeat != view.ActorSeat || after.View.HandNo != view.HandNo, "the timed-out player no longer acts");
        Assert.Contains("⏰", prompt.Text, StringComparison.Ordinal);
        Assert.True(stripped.Json["reply_markup"] is null || stripped.Json["reply_markup"]!["inline_keyboard"]?.AsArray().Count is null or 0);
    }

    [Fact]
    public async Task A_group_gets_its_table_members_join_with_a_button_and_hole_cards_stay_private()
    {
        const long group = -1_009_876_543;
        var (a, b) = (BotFixture.NewUserId(), BotFixture.NewUserId());

        var created = await bot.Say(a, "/startgroup", group);
        var tableId = Handling.UpdateHandler.GroupTableId(group);
        var table = bot.Grains.GetGrain<ITableGrain>(tableId);
        await bot.Press(a, $"j:{tableId}", group);
        await bot.Press(b, $"j:{tableId}", group);
        var start = bot.Api.LastIndex;
        var hand = (await bot.StartNextHand(table)).View.HandNo;
        var cards = new Dictionary<long, string>
        {
            [a] = CardText.Cards((await table.GetSnapshot(a)).Mine!.Cards),
            [b] = CardText.Cards((await table.GetSnapshot(b)).Mine!.Cards),
        };
        var groupMessage = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == group && r.Text.StartsWith("🃏", StringComparison.Ordinal), start);
        await bot.Api.WaitFor(r => r.ChatId == a && r.Text.Contains("Your cards", StringComparison.Ordinal), start);
        await bot.Api.WaitFor(r => r.ChatId == b && r.Text.Contains("Your cards", StringComparison.Ordinal), start);

        Assert.Equal([$"j:{tableId}"], created.CallbackData);
        Assert.Contains($"#{hand}", groupMessage.Text, StringComparison.Ordinal);
        Assert.Equal(2, (await table.GetSnapshot(null)).View.Seats.Count(s => s.PlayerId is not null));
        var requests = bot.Api.Requests;
        Assert.DoesNotContain(requests, r => r.ChatId == group && (r.Body.Contains(cards[a], StringComparison.Ordinal) || r.Body.Contains(cards[b], StringComparison.Ordinal) || r.Text.Contains("Your cards", StringComparison.Ordinal)));
        Assert.All(requests.Where(r => r.Text.Contains("Your cards", StringComparison.Ordinal)), r => Assert.True(r.ChatId > 0, "hole cards only in private chats"));
    }
}
