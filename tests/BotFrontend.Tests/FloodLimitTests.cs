using System.Diagnostics;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.BotFrontend.Tests;

/// <summary>
/// Telegram's flood limits and refusals against the fake Bot API (which answers 429 with retry_after beyond them): a
/// throttled chat holds up nobody else and loses nothing, replies are paced, a tap is answered at once, a chat that
/// answered 403 is left alone until its player writes again and then gets the hand as it stands.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class FloodLimitTests(BotFixture bot)
{
    private static long clientSeq = 5_000_000;

    [Fact]
    public async Task A_chat_throttled_for_20_seconds_holds_up_nobody_else_and_then_gets_every_hole_card()
    {
        var table = await bot.NewTable("Throttled chat");
        var tableId = table.GetPrimaryKeyString();
        var (a, b) = await bot.JoinTwo(table);
        var start = bot.Api.LastIndex;
        bot.Api.ThrottleChat(a, TimeSpan.FromSeconds(20));
        var throttle = Stopwatch.StartNew();
        var hands = new List<long>();
        var waits = new List<TimeSpan>();
        while (throttle.Elapsed < TimeSpan.FromSeconds(12))
        {
            var hand = (await bot.StartNextHand(table)).View.HandNo;
            hands.Add(hand);
            while ((await table.GetSnapshot(null)).View is { ActorSeat: { } seat } view && view.HandNo == hand)
            {
                var actor = view.Seats.Single(s => s.Seat == seat).PlayerId!.Value;
                var check = (await table.GetSnapshot(actor)).Mine!.Legal!.CanCheck;
                if (actor == a)
                {
                    // A's prompts are stuck behind the throttle: A acts as a mini-app player would.
                    await table.Act(a, new TurnRef(hand, view.TurnId), new PlayerAction(check ? ActionKind.Check : ActionKind.Call), Interlocked.Increment(ref clientSeq));
                    continue;
                }

                var seen = DateTimeOffset.UtcNow;
                var turn = $"a:{tableId}:{hand}:{view.TurnId}:";
                var prompt = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == b && r.Accepted && r.CallbackData.Any(d => d.StartsWith(turn, StringComparison.Ordinal)), start);
                waits.Add(prompt.At > seen ? prompt.At - seen : TimeSpan.Zero);
                // B reads for a second, taps and moves on: the answer to the tap, not every edit, is what B waits for.
                await Task.Delay(TimeSpan.FromSeconds(1));
                var tap = BotFixture.Callback(b, turn + (check ? "k" : "c"), messageId: prompt.SentMessageId ?? 1);
                var tapped = bot.Api.LastIndex;
                (await bot.Post(tap)).EnsureSuccessStatusCode();
                await bot.Api.WaitFor(r => r.Method == "answerCallbackQuery" && r.Json["callback_query_id"]?.GetValue<string>() == tap["callback_query"]!["id"]!.GetValue<string>(), tapped);
            }
        }

        // Once the throttle is over, A has every hand's hole cards: nothing that matters was dropped.
        foreach (var hand in hands)
        {
            await bot.Api.WaitFor(r => r.ChatId == a && r.Accepted && r.Text.Contains($"Your cards at Throttled chat, hand #{hand}:", StringComparison.Ordinal), start, TimeSpan.FromSeconds(40));
        }

        await bot.Outbox.Idle(a);
        var toA = bot.Api.To(a).Where(r => r.Index > start).ToList();
        Assert.True(hands.Count >= 2, $"only {hands.Count} hands were played during the throttle");
        // B's own chat is paced too (one message a second after a short burst): a prompt may wait behind B's own cards,
        // never behind A's throttle (before the outbox, B heard nothing for 10 to 18 s). The slack is for a busy two-core
        // machine, as in the test of the tap below.
        Assert.True(waits.Max() < (2 * bot.Options.Bot.ChatSendInterval) + TimeSpan.FromSeconds(1.5), $"B waited up to {waits.Max().TotalSeconds:0.0} s for a prompt while A was throttled");
        Assert.True(toA.Count(r => r.Status == 429) <= 3, $"A's chat was called {toA.Count(r => r.Status == 429)} times while throttled");
        // One message per hand for A's table message, sent once with its latest text: the edits collapsed.
        Assert.Equal(hands.Count, toA.Count(r => r.Accepted && r.Method == "sendMessage" && r.Text.StartsWith("🃏", StringComparison.Ordinal)));
        Assert.True(toA.Count(r => r.Accepted && r.Method == "editMessageText") <= hands.Count);
        await table.Close("test over");
    }

    [Fact]
    public async Task Quick_texts_get_every_reply_paced_within_telegrams_limits_without_a_429()
    {
        var user = BotFixture.NewUserId();
        var after = bot.Api.LastIndex;
        const int texts = 10;
        var posted = DateTimeOffset.UtcNow;
        for (var i = 0; i < texts; i++)
        {
            (await bot.Post(BotFixture.Message(user, "/help"))).EnsureSuccessStatusCode();
        }

        await bot.Queues.Idle(user);
        await bot.Outbox.Idle(user);
        var replies = bot.Api.To(user).Where(r => r.Index > after && r.Method == "sendMessage").ToList();

        Assert.Equal(texts, replies.Count(r => r.Accepted));
        Assert.DoesNotContain(replies, r => r.Status == 429);
        // A burst of three, then one a second: the last reply goes no sooner than the pace allows after the first text,
        // which the chat's pace starts from. (Measured from the first reply, a first send held up on a busy two-core
        // machine shortened the span below the pace's and failed the test.)
        var span = replies[^1].At - posted;
        Assert.True(span >= TimeSpan.FromSeconds(texts - bot.Options.Bot.ChatSendBurst - 0.5), $"{texts} replies went out in {span.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task A_tap_is_answered_at_once_even_while_its_chat_is_throttled()
    {
        var user = BotFixture.NewUserId();
        await bot.Say(user, "/help");
        var throttle = TimeSpan.FromSeconds(8);
        bot.Api.ThrottleChat(user, throttle);
        var after = bot.Api.LastIndex;
        var update = BotFixture.Callback(user, "m");
        var queryId = update["callback_query"]!["id"]!.GetValue<string>();
        var pressed = DateTimeOffset.UtcNow;

        (await bot.Post(update)).EnsureSuccessStatusCode();
        var answer = await bot.Api.WaitFor(r => r.Method == "answerCallbackQuery" && r.Json["callback_query_id"]?.GetValue<string>() == queryId, after);
        var menu = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == user && r.Accepted, after, TimeSpan.FromSeconds(30));

        // "At once" means while the chat is still throttled: well inside it, with room for a busy two-core machine
        // (a CI run failed this test with a one-second bound; the log did not say which assertion).
        Assert.True(answer.At - pressed < throttle / 2, $"the tap was answered after {(answer.At - pressed).TotalSeconds:0.0} s");
        Assert.True(menu.At - pressed >= throttle - TimeSpan.FromSeconds(1), "the menu waited out the throttle");
    }

    [Fact]
    public async Task A_throttled_answer_to_a_tap_is_tried_once_and_holds_up_no_later_tap_of_its_chat()
    {
        var user = BotFixture.NewUserId();
        await bot.Say(user, "/help");
        // Telegram throttles the answer to the first tap for a minute: the query expires long before that.
        bot.Api.FailNext("answerCallbackQuery", 429, 60);
        var after = bot.Api.LastIndex;
        var (first, second) = (BotFixture.Callback(user, "m"), BotFixture.Callback(user, "h"));
        string QueryId(System.Text.Json.Nodes.JsonObject update) => update["callback_query"]!["id"]!.GetValue<string>();
        var pressed = DateTimeOffset.UtcNow;

        (await bot.Post(first)).EnsureSuccessStatusCode();
        (await bot.Post(second)).EnsureSuccessStatusCode();
        var answer = await bot.Api.WaitFor(r => r.Method == "answerCallbackQuery" && r.Json["callback_query_id"]?.GetValue<string>() == QueryId(second), after);
        await bot.Queues.Idle(user);
        var tries = bot.Api.Requests.Where(r => r.Index > after && r.Method == "answerCallbackQuery" && r.Json["callback_query_id"]?.GetValue<string>() == QueryId(first)).ToList();

        // With room for a busy two-core machine, as the other taps' tests; a retry would have waited 60 s.
        Assert.True(answer.At - pressed < TimeSpan.FromSeconds(10), $"the second tap was answered after {(answer.At - pressed).TotalSeconds:0.0} s");
        Assert.Equal([429], tries.Select(r => r.Status));
    }

    [Fact]
    public async Task A_text_longer_than_telegram_takes_is_cut_to_its_limit_and_sent()
    {
        var user = BotFixture.NewUserId();
        bot.Api.Opened(user);
        var start = bot.Api.LastIndex;

        bot.Outbox.Send(user, string.Concat(Enumerable.Repeat("A table with a long name · ", 400)));
        var sent = await bot.Api.WaitFor(r => r.ChatId == user && r.Method == "sendMessage", start);

        Assert.True(sent.Accepted, $"status {sent.Status}");
        Assert.Equal(4096, sent.Text.Length);
        Assert.EndsWith("…", sent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blocked_chat_gets_no_calls_and_on_start_gets_the_hand_as_it_stands()
    {
        var table = await bot.NewTable("Blocked chat");
        var (a, b) = await bot.JoinTwo(table);
        bot.Api.FailChat(a, 403);
        var blocked = bot.Api.LastIndex;

        // Two hands while A's chat is blocked; A acts as a mini-app player would.
        for (var i = 0; i < 2; i++)
        {
            var hand = (await bot.StartNextHand(table)).View.HandNo;
            while ((await table.GetSnapshot(null)).View is { ActorSeat: { } seat } view && view.HandNo == hand && i == 0)
            {
                var actor = view.Seats.Single(s => s.Seat == seat).PlayerId!.Value;
                var check = (await table.GetSnapshot(actor)).Mine!.Legal!.CanCheck;
                await table.Act(actor, new TurnRef(hand, view.TurnId), new PlayerAction(check ? ActionKind.Check : ActionKind.Call), Interlocked.Increment(ref clientSeq));
            }
        }

        var current = (await table.GetSnapshot(null)).View.HandNo;
        // The hands' events reach the bot on their own: its first send to A (refused) is awaited before the queues are.
        await bot.Api.WaitFor(r => r.ChatId == a && r.Status == 403, blocked);
        await bot.Outbox.Idle(a);
        await bot.Outbox.Idle(b);
        var refused = bot.Api.To(a).Where(r => r.Index > blocked).ToList();
        Assert.Single(refused);
        Assert.Equal(403, refused[0].Status);

        // A unblocks the bot and writes: the hand in progress comes back, with A's cards.
        bot.Api.ClearChat(a);
        var unblocked = bot.Api.LastIndex;
        (await bot.Post(BotFixture.Message(a, "/start"))).EnsureSuccessStatusCode();
        await bot.Api.WaitFor(r => r.ChatId == a && r.Accepted && r.Text.Contains($"Your cards at Blocked chat, hand #{current}:", StringComparison.Ordinal), unblocked);
        await bot.Api.WaitFor(r => r.ChatId == a && r.Accepted && r.Text.StartsWith("🃏", StringComparison.Ordinal), unblocked);
        await table.Close("test over");
    }

    [Fact]
    public async Task A_player_who_unblocks_the_bot_gets_the_hand_as_it_stands_once_though_the_membership_update_comes_before_the_start()
    {
        var table = await bot.NewTable("Unblocked chat");
        var (a, _) = await bot.JoinTwo(table);
        // A blocks the bot: Telegram tells the bot, and every call to A's chat answers 403.
        bot.Api.FailChat(a, 403);
        (await bot.Post(BotFixture.Membership(a, a, "member", "kicked"))).EnsureSuccessStatusCode();
        await bot.Queues.Idle(a);
        var blocked = bot.Api.LastIndex;
        var hand = (await bot.StartNextHand(table)).View.HandNo;
        await bot.Api.WaitFor(r => r.ChatId == a && r.Status == 403, blocked);
        await bot.Outbox.Idle(a);

        // A unblocks the bot: Telegram sends my_chat_member (kicked → member) first, then the client's /start.
        bot.Api.ClearChat(a);
        var unblocked = bot.Api.LastIndex;
        (await bot.Post(BotFixture.Membership(a, a, "kicked", "member"))).EnsureSuccessStatusCode();
        (await bot.Post(BotFixture.Message(a, "/start"))).EnsureSuccessStatusCode();
        var cards = $"Your cards at Unblocked chat, hand #{hand}:";
        await bot.Api.WaitFor(r => r.ChatId == a && r.Accepted && r.Text.Contains(cards, StringComparison.Ordinal), unblocked);
        await bot.Api.WaitFor(r => r.ChatId == a && r.Accepted && r.Text.StartsWith("🃏", StringComparison.Ordinal), unblocked);
        await bot.Queues.Idle(a);
        await bot.Outbox.Idle(a);

        Assert.Single(bot.Api.To(a), r => r.Index > unblocked && r.Text.Contains(cards, StringComparison.Ordinal));
        await table.Close("test over");
    }
}
