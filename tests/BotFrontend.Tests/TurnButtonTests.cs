using Microsoft.Extensions.Logging;
using Orleans.Poker.BotFrontend.Texts;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.BotFrontend.Tests;

/// <summary>
/// The "your turn" buttons carry their turn (<c>a:&lt;table&gt;:&lt;hand&gt;:&lt;turn&gt;:&lt;code&gt;</c>): one kept
/// from an earlier street or hand never acts, a typed custom amount acts on the turn of its "x" button, and button data
/// the bot never made gets the polite "unknown" answer without an error.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class TurnButtonTests(BotFixture bot)
{
    [Fact]
    public async Task A_check_kept_from_the_flop_and_pressed_against_a_river_bet_is_refused_and_does_not_call()
    {
        var table = await bot.NewTable("Kept check");
        await bot.JoinTwo(table);
        await bot.StartNextHand(table);
        // Preflop the small blind calls and the big blind checks; on the flop and the turn both check.
        await Press(await CurrentTurn(table), "c");
        await Press(await CurrentTurn(table), "k");
        await Press(await CurrentTurn(table), "k");
        var flop = await CurrentTurn(table);
        await Press(flop, "k");
        await Press(await CurrentTurn(table), "k");
        await Press(await CurrentTurn(table), "k");
        // On the river the first to act bets.
        var river = await CurrentTurn(table);
        await bot.Press(river.Actor, river.Prompt.CallbackData.First(d => d.StartsWith(river.Prefix + "r", StringComparison.Ordinal)));
        var facing = await CurrentTurn(table);
        var before = await table.GetSnapshot(null);
        var pressed = bot.Api.LastIndex;

        var refused = await bot.Press(facing.Actor, flop.Prefix + "k");
        await bot.Queues.Idle(facing.Actor);
        var after = await table.GetSnapshot(null);
        var settled = bot.Api.LastIndex;
        var called = await Press(facing, "c");

        Assert.Equal(1, flop.View.Street);
        Assert.Equal(3, facing.View.Street);
        Assert.Equal(flop.Actor, facing.Actor);
        Assert.DoesNotContain(facing.Prefix + "k", facing.Prompt.CallbackData);
        AssertRefusedAsStale(refused);
        Assert.Equal(before.EventSeq, after.EventSeq);
        Assert.Equal(before.View.ActorSeat, after.View.ActorSeat);
        Assert.Equal(ChipsOf(before, facing.Actor), ChipsOf(after, facing.Actor));
        Assert.Equal(0, SeatOf(after, facing.Actor).Bet);
        // The refused press left the live prompt alone (a taken prompt is edited to "✓ ...") and it still acts.
        Assert.DoesNotContain(bot.Api.Requests, r => r.Index > pressed && r.Index <= settled && r.ChatId == facing.Actor
            && r.MessageId == facing.Prompt.SentMessageId && r.Text.StartsWith('✓'));
        Assert.StartsWith("✓", AnswerText(called), StringComparison.Ordinal);
        Assert.NotEqual(after.EventSeq, (await table.GetSnapshot(null)).EventSeq);
    }

    [Fact]
    public async Task A_fold_kept_from_an_earlier_hand_is_refused_and_does_not_fold()
    {
        var table = await bot.NewTable("Kept fold");
        await bot.JoinTwo(table);
        await bot.StartNextHand(table);
        var first = await CurrentTurn(table);
        await Press(first, "f");
        var next = (await bot.StartNextHand(table)).View;
        var turn = await CurrentTurn(table);
        while (turn.Actor != first.Actor)
        {
            await Press(turn, Passive(turn));
            turn = await CurrentTurn(table);
        }

        var before = await table.GetSnapshot(null);

        var refused = await bot.Press(first.Actor, first.Prefix + "f");
        var after = await table.GetSnapshot(null);
        var played = await Press(turn, Passive(turn));

        Assert.Equal(first.View.HandNo + 1, next.HandNo);
        Assert.Equal(next.HandNo, turn.View.HandNo);
        AssertRefusedAsStale(refused);
        Assert.False(SeatOf(after, first.Actor).Folded);
        Assert.Equal(before.EventSeq, after.EventSeq);
        Assert.Equal(before.View.ActorSeat, after.View.ActorSeat);
        Assert.Equal(ChipsOf(before, first.Actor), ChipsOf(after, first.Actor));
        Assert.StartsWith("✓", AnswerText(played), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_custom_amount_acts_on_the_turn_of_its_x_button_and_a_kept_x_button_is_refused()
    {
        // The big blind may check or raise: they ask for a custom amount...
        var (table, option, asked) = await AskCustomAmountOnTheOption("Custom amount");
        var tableId = table.GetPrimaryKeyString();
        // ...but their clock runs out before they type it: the table checks for them, and they open the flop.
        bot.Time.Advance(TimeSpan.FromSeconds(21));
        await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == option.Actor
            && r.CallbackData.Any(d => d.StartsWith($"a:{tableId}:{option.View.HandNo}:", StringComparison.Ordinal) && !d.StartsWith(option.Prefix, StringComparison.Ordinal)), asked);
        var flop = await CurrentTurn(table);
        var before = await table.GetSnapshot(null);
        var typedLate = bot.Api.LastIndex;

        await bot.Post(BotFixture.Message(option.Actor, "7"));
        await bot.Queues.Idle(option.Actor);
        var lateReply = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == option.Actor, typedLate);
        var afterLate = await table.GetSnapshot(null);
        var keptX = await bot.Press(option.Actor, option.Prefix + "x");
        await bot.Queues.Idle(option.Actor);
        var askedAgain = bot.Api.Requests.Any(r => r.Index > lateReply.Index && IsAmountQuestion(r, option.Actor));
        var legal = (await table.GetSnapshot(flop.Actor)).Mine!.Legal!;
        var asking = bot.Api.LastIndex;
        await Press(flop, "x");
        var ask = await bot.Api.WaitFor(r => IsAmountQuestion(r, flop.Actor), asking);
        // A number the player writes in a group meanwhile is that group's talk, not the amount asked for in private.
        var beforeGroup = await table.GetSnapshot(null);
        var group = -1_000_000_000_000 - flop.Actor;
        await bot.Post(BotFixture.Message(flop.Actor, "9", group));
        await bot.Queues.Idle(group);
        var afterGroup = await table.GetSnapshot(null);
        await bot.Post(BotFixture.Message(flop.Actor, "7"));
        await bot.Queues.Idle(flop.Actor);
        var bet = await table.GetSnapshot(null);

        Assert.Equal(1, flop.View.Street);
        Assert.Equal(option.Actor, flop.Actor);
        Assert.StartsWith(BotTexts.Get(BotTexts.English, "error", ""), lateReply.Text, StringComparison.Ordinal);
        Assert.Contains("earlier turn", lateReply.Text, StringComparison.Ordinal);
        Assert.Equal(before.EventSeq, afterLate.EventSeq);
        Assert.Equal(0, SeatOf(afterLate, flop.Actor).Bet);
        AssertRefusedAsStale(keptX);
        Assert.False(askedAgain, "a kept x button asks for no amount");
        Assert.Contains($"{legal.MinRaiseTo}", ask.Text, StringComparison.Ordinal);
        Assert.Contains($"{legal.MaxRaiseTo}", ask.Text, StringComparison.Ordinal);
        Assert.InRange(7, legal.MinRaiseTo, legal.MaxRaiseTo);
        Assert.InRange(9, legal.MinRaiseTo, legal.MaxRaiseTo);
        Assert.Equal(beforeGroup.EventSeq, afterGroup.EventSeq);
        Assert.Equal(7, SeatOf(bet, flop.Actor).Bet);
        Assert.NotEqual(flop.View.ActorSeat, bet.View.ActorSeat);
    }

    [Fact]
    public async Task A_custom_amount_typed_in_persian_or_arabic_indic_digits_is_taken()
    {
        var (table, option, _) = await AskCustomAmountOnTheOption("Custom amount in Persian digits");
        // 12 in the Persian digits a Persian keyboard types.
        await bot.Post(BotFixture.Message(option.Actor, " \u06F1\u06F2 "));
        await bot.Queues.Idle(option.Actor);
        var raised = await table.GetSnapshot(null);
        var reraise = await CurrentTurn(table);
        var legal = (await table.GetSnapshot(reraise.Actor)).Mine!.Legal!;
        var asking = bot.Api.LastIndex;
        await Press(reraise, "x");
        await bot.Api.WaitFor(r => IsAmountQuestion(r, reraise.Actor), asking);
        // 30 in Arabic-Indic digits.
        await bot.Post(BotFixture.Message(reraise.Actor, "\u0663\u0660"));
        await bot.Queues.Idle(reraise.Actor);
        var reraised = await table.GetSnapshot(null);

        Assert.Equal(12, SeatOf(raised, option.Actor).Bet);
        Assert.NotEqual(option.Actor, reraise.Actor);
        Assert.InRange(30, legal.MinRaiseTo, legal.MaxRaiseTo);
        Assert.Equal(30, SeatOf(reraised, reraise.Actor).Bet);
    }

    [Fact]
    public async Task A_custom_amount_asked_for_a_turn_that_passed_no_longer_asks_for_a_number()
    {
        var (table, option, _) = await AskCustomAmountOnTheOption("Custom amount expires");
        var stillAsked = bot.Api.LastIndex;
        await bot.Post(BotFixture.Message(option.Actor, "soon"));
        var askedAgain = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == option.Actor, stillAsked);

        // The clock runs out before a number comes: the table checks for them, and other text is just text again.
        bot.Time.Advance(TimeSpan.FromSeconds(21));
        await BoundedWait.Until(async () => TurnRef.Of((await table.GetSnapshot(null)).View) != new TurnRef(option.View.HandNo, option.View.TurnId), "the turn passed");
        var passed = bot.Api.LastIndex;
        await bot.Post(BotFixture.Message(option.Actor, "hello"));
        var answer = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == option.Actor && r.Text == BotTexts.Get(BotTexts.English, "unknown"), passed);
        await bot.Queues.Idle(option.Actor);

        Assert.StartsWith("Send a number between", askedAgain.Text, StringComparison.Ordinal);
        Assert.True(IsAmountQuestion(askedAgain, option.Actor));
        Assert.False(IsAmountQuestion(answer, option.Actor));
        Assert.DoesNotContain(bot.Api.Requests, r => r.Index > passed && IsAmountQuestion(r, option.Actor));
    }

    [Fact]
    public async Task Button_data_the_bot_never_made_gets_the_polite_unknown_answer_and_logs_no_error()
    {
        var user = BotFixture.NewUserId();
        var tooLong = new string('t', 65);
        string[] buttons =
        [
            "j:", "a::1:1:f", "lv:", "w:", "a:x", "zz:1", "", "a:tb1:1:1", "a:tb1:1:1:1:f", "a:tb1:x:1:f", "a:tb1:1:-1:f",
            "a:tb1:99999999999999999999:1:f", "a:tb1:1:1:zz", "a:tb1:1:1:r", "a:tb1:1:1:rx", "a:../x:1:1:f", "j:../x", "lv:tb 1",
            "j:" + tooLong, "w:" + tooLong, "lv:" + tooLong, $"a:{tooLong}:1:1:f",
        ];
        var logged = bot.Logs.Count;

        var answers = new List<(string Data, string? Text)>();
        foreach (var data in buttons)
        {
            answers.Add((data, AnswerText(await bot.Press(user, data))));
        }

        await bot.Queues.Idle(user);

        var unknown = BotTexts.Get(BotTexts.English, "unknown");
        Assert.All(answers, answer => Assert.True(answer.Text == unknown, $"'{answer.Data}' was answered '{answer.Text}'"));
        Assert.Empty(bot.Logs.Entries.Skip(logged).Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Category}: {e.Message} {e.Exception?.GetType().Name}"));
        Assert.DoesNotContain(bot.Api.To(user), r => r.Method == "sendMessage");
        Assert.Empty((await bot.Grains.GetGrain<Grains.Interfaces.Players.IPlayerGrain>(user).Get()).Tables);
    }

    /// <summary>The turn being played and the "your turn" prompt the bot sent its player for it.</summary>
    private sealed record Turn(long Actor, string Prefix, BotApiRequest Prompt, TableView View);

    private async Task<Turn> CurrentTurn(ITableGrain table)
    {
        var view = (await table.GetSnapshot(null)).View;
        Assert.NotNull(view.ActorSeat);
        var actor = view.Seats.Single(s => s.Seat == view.ActorSeat).PlayerId!.Value;
        var prefix = $"a:{table.GetPrimaryKeyString()}:{view.HandNo}:{view.TurnId}:";
        var prompt = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == actor && r.CallbackData.Any(d => d.StartsWith(prefix, StringComparison.Ordinal)));
        return new Turn(actor, prefix, prompt, view);
    }

    /// <summary>Presses the button <paramref name="code"/> of <paramref name="turn"/>'s prompt (it must have it).</summary>
    private Task<BotApiRequest> Press(Turn turn, string code)
    {
        Assert.Contains(turn.Prefix + code, turn.Prompt.CallbackData);
        return bot.Press(turn.Actor, turn.Prefix + code);
    }

    private static string Passive(Turn turn) => turn.Prompt.CallbackData.Contains(turn.Prefix + "k") ? "k" : "c";

    private static SeatView SeatOf(TableSnapshot snapshot, long playerId) => snapshot.View.Seats.Single(s => s.PlayerId == playerId);

    /// <summary>What an action would change of a seat.</summary>
    private static (long Stack, long Bet, bool Folded, bool AllIn) ChipsOf(TableSnapshot snapshot, long playerId) =>
        SeatOf(snapshot, playerId) is var seat ? (seat.Stack, seat.Bet, seat.Folded, seat.AllIn) : default;

    private static string? AnswerText(BotApiRequest answer) => answer.Json["text"]?.GetValue<string>();

    /// <summary>Two players, a new hand: the small blind calls, and the big blind presses "x" and is asked for an amount.</summary>
    private async Task<(ITableGrain Table, Turn Option, int Asked)> AskCustomAmountOnTheOption(string tableName)
    {
        var table = await bot.NewTable(tableName);
        await bot.JoinTwo(table);
        await bot.StartNextHand(table);
        await Press(await CurrentTurn(table), "c");
        var option = await CurrentTurn(table);
        var asked = bot.Api.LastIndex;
        await Press(option, "x");
        await bot.Api.WaitFor(r => IsAmountQuestion(r, option.Actor), asked);
        return (table, option, asked);
    }

    private static bool IsAmountQuestion(BotApiRequest request, long chatId) =>
        request.Method == "sendMessage" && request.ChatId == chatId && request.Json["reply_markup"]?["force_reply"] is not null;

    /// <summary>Refused politely, as an alert naming the earlier turn.</summary>
    private static void AssertRefusedAsStale(BotApiRequest answer)
    {
        var text = AnswerText(answer);
        Assert.StartsWith(BotTexts.Get(BotTexts.English, "error", ""), text, StringComparison.Ordinal);
        Assert.Contains("earlier turn", text, StringComparison.Ordinal);
        Assert.True(answer.Json["show_alert"]?.GetValue<bool>(), "a refusal is an alert");
    }
}
