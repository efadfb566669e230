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
                await table.Act(app, new TurnRef(view.HandNo, view.TurnId), new PlayerAction(legal.CanCheck ? ActionKind.Check : ActionKind.Call), Interlocked.Increment(ref clientSeq));
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
                await bot.Press(actor, TurnPrefix(prompt) + "x", messageId: prompt.Json["message_id"]?.GetValue<int>() ?? 1);
                var ask = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == actor && r.Json["reply_markup"]?["force_reply"] is not null, asked);
                await bot.Post(BotFixture.Message(actor, customAmount.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                await bot.Queues.Idle(actor);
                Assert.Contains($"{legal.MinRaiseTo}", ask.Text, StringComparison.Ordinal);
                Assert.Equal(customAmount, (await table.GetSnapshot(null)).View.Seats.Single(s => s.PlayerId == actor).Bet);
                continue;
            }

            await bot.Press(actor, TurnPrefix(prompt) + (choices.Contains("k") ? "k" : "c"));
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
            var hole = Assert.Single(requests, r => r.Text.Contains("Your cards at", StringComparison.Ordinal) && r.ChatId == player);
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
        await bot.JoinTwo(table);
        var start = bot.Api.LastIndex;
        var view = (await bot.StartNextHand(table)).View;
        var actor = view.Seats.Single(s => s.Seat == view.ActorSeat).PlayerId!.Value;
        var prompt = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == actor && r.CallbackData.Count > 0 && r.Text.Contains("Your turn", StringComparison.Ordinal), start);

        bot.Time.Advance(TimeSpan.FromSeconds(21));

        var stripped = await bot.Api.WaitFor(r => r.Method == "editMessageText" && r.ChatId == actor && r.MessageId == prompt.SentMessageId, prompt.Index);
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
        // Both opened the bot in private first: a group join seats only players the bot can reach.
        await bot.Say(a, "/start");
        await bot.Say(b, "/start");

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

    [Fact]
    public async Task A_chat_player_in_a_draw_selects_two_cards_with_toggles_and_discards_them()
    {
        var table = await bot.NewTable("Draw table", bot.DrawTemplateId);
        var tableId = table.GetPrimaryKeyString();
        await bot.JoinTwo(table);
        var consumed = bot.Api.LastIndex;
        var hand = (await bot.StartNextHand(table)).View.HandNo;
        var handPrefix = $"a:{tableId}:{hand}:";

        // Call and check from the chat until the draw: its prompt has a toggle per card.
        BotApiRequest prompt;
        string prefix;
        long drawer;
        while (true)
        {
            var view = (await table.GetSnapshot(null)).View;
            Assert.Equal(hand, view.HandNo);
            var actor = view.Seats.Single(s => s.Seat == view.ActorSeat).PlayerId!.Value;
            prompt = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == actor && r.CallbackData.Any(d => d.StartsWith(handPrefix, StringComparison.Ordinal)), consumed);
            consumed = prompt.Index;
            prefix = TurnPrefix(prompt);
            if (prompt.CallbackData.Any(d => d.StartsWith(prefix + "s", StringComparison.Ordinal)))
            {
                drawer = actor;
                break;
            }

            await bot.Press(actor, prefix + (prompt.CallbackData.Contains(prefix + "k") ? "k" : "c"));
        }

        var cards = (await table.GetSnapshot(drawer)).Mine!.Cards;
        var toggles = prompt.CallbackData.Where(d => d.StartsWith(prefix + "s", StringComparison.Ordinal)).ToList();
        Assert.Equal(cards.Select(c => prefix + "s" + c), toggles);
        Assert.Contains(prefix + "d", prompt.CallbackData);
        Assert.DoesNotContain(prompt.CallbackData, d => d.StartsWith(prefix + "d", StringComparison.Ordinal) && d.Length > prefix.Length + 1);
        Assert.Contains("Discard", prompt.Text, StringComparison.Ordinal);

        // A toggle's data sent with a bot message of a group (forged: the group has no such button) edits nothing there,
        // so the player's cards are never shown in the group.
        const long group = -1_001_234_500_042;
        var forgedAt = bot.Api.LastIndex;
        var forged = await bot.Press(drawer, toggles[1], chatId: group, messageId: 77);
        Assert.DoesNotContain(bot.Api.Requests, r => r.Index > forgedAt && r.ChatId == group);
        Assert.DoesNotContain(CardText.Card(cards[1]), forged.Json["text"]?.GetValue<string>() ?? "", StringComparison.Ordinal);

        // Select cards 1, 3 and 0, then deselect 0: each press edits the prompt to show the selection.
        const int promptId = 4242;
        var edited = await Toggle(drawer, toggles[1], promptId);
        Assert.Contains("✅ " + CardText.Card(cards[1]), edited.ButtonTexts);
        Assert.Contains("To discard: " + CardText.Card(cards[1]), edited.Text, StringComparison.Ordinal);
        Assert.Contains(prefix + "d" + cards[1], edited.CallbackData);
        edited = await Toggle(drawer, prefix + "s" + cards[1] + cards[3], promptId, edited);
        edited = await Toggle(drawer, prefix + "s" + cards[0] + cards[1] + cards[3], promptId, edited);
        Assert.Contains("Discard 3", edited.ButtonTexts);
        edited = await Toggle(drawer, prefix + "s" + cards[1] + cards[3], promptId, edited);
        Assert.Equal(["✅ " + CardText.Card(cards[1]), "✅ " + CardText.Card(cards[3])], edited.ButtonTexts.Where(t => t.StartsWith('✅')));
        Assert.Contains("Discard 2", edited.ButtonTexts);
        Assert.Contains("To discard: " + CardText.Cards([cards[1], cards[3]]), edited.Text, StringComparison.Ordinal);
        Assert.Equal(cards, (await table.GetSnapshot(drawer)).Mine!.Cards);

        var answer = await bot.Press(drawer, prefix + "d" + cards[1] + cards[3], messageId: promptId);

        // The two cards are gone; the replacements come once the other player has drawn (here: stood pat).
        var discarded = await table.GetSnapshot(drawer);
        var other = discarded.View.Seats.Single(s => s.Seat == discarded.View.ActorSeat).PlayerId!.Value;
        var otherPrompt = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == other && r.CallbackData.Any(d => d.StartsWith(handPrefix, StringComparison.Ordinal) && d.EndsWith(":d", StringComparison.Ordinal)), consumed);
        var otherCards = (await table.GetSnapshot(other)).Mine!.Cards;
        await bot.Press(other, TurnPrefix(otherPrompt) + "d");
        var newCards = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == drawer && r.Text.Contains("Your new cards", StringComparison.Ordinal), consumed);
        var drawn = await table.GetSnapshot(drawer);

        Assert.Contains("Discard 2", answer.Json["text"]?.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal([cards[0], cards[2], cards[4]], discarded.Mine!.Cards);
        Assert.NotEqual(drawer, other);
        Assert.Contains("Stand pat", otherPrompt.ButtonTexts);
        Assert.Equal(5, drawn.Mine!.Cards.Count);
        Assert.DoesNotContain(cards[1], drawn.Mine.Cards);
        Assert.DoesNotContain(cards[3], drawn.Mine.Cards);
        Assert.Equal([cards[0], cards[2], cards[4]], drawn.Mine.Cards.Where(c => cards.Contains(c)));
        Assert.EndsWith(CardText.Cards(drawn.Mine.Cards), newCards.Text, StringComparison.Ordinal);
        Assert.Equal(otherCards, (await table.GetSnapshot(other)).Mine!.Cards);
        Assert.DoesNotContain(bot.Api.Requests, r => r.ChatId == other && r.Text.Contains("Your new cards", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Out_of_turn_or_malformed_draw_buttons_are_refused_and_change_nothing()
    {
        var table = await bot.NewTable("Draw refusals", bot.DrawTemplateId);
        var tableId = table.GetPrimaryKeyString();
        await bot.JoinTwo(table);
        var view = (await bot.StartNextHand(table)).View;
        var waiting = view.Seats.Single(s => s.PlayerId is not null && s.Seat != view.ActorSeat).PlayerId!.Value;
        var before = await table.GetSnapshot(null);

        var outOfTurn = await bot.Press(waiting, $"a:{tableId}:{view.HandNo}:{view.TurnId}:s2c");
        var malformed = await bot.Press(waiting, $"a:{tableId}:{view.HandNo}:{view.TurnId}:dXx");

        Assert.Contains("not your turn", outOfTurn.Json["text"]?.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(Texts.BotTexts.Error(Texts.BotTexts.English, "invalid_cards"), malformed.Json["text"]?.GetValue<string>());
        Assert.Equal(before.EventSeq, (await table.GetSnapshot(null)).EventSeq);
    }

    /// <summary>The <c>a:&lt;table&gt;:&lt;hand&gt;:&lt;turn&gt;:</c> that every button of a "your turn" prompt starts with.</summary>
    internal static string TurnPrefix(BotApiRequest prompt)
    {
        var data = prompt.CallbackData.First(d => d.StartsWith("a:", StringComparison.Ordinal));
        return data[..(data.LastIndexOf(':') + 1)];
    }

    /// <summary>Presses a card toggle and returns the edit of the prompt it caused.</summary>
    private async Task<BotApiRequest> Toggle(long player, string data, int messageId, BotApiRequest? previous = null)
    {
        if (previous is not null)
        {
            Assert.Contains(data, previous.CallbackData);
        }

        var after = bot.Api.LastIndex;
        await bot.Press(player, data, messageId: messageId);
        return await bot.Api.WaitFor(r => r.Method == "editMessageText" && r.ChatId == player && r.MessageId == messageId, after);
    }
}
