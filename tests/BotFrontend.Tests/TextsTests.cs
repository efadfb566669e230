using System.Globalization;
using System.Text.RegularExpressions;
using Orleans.Poker.BotFrontend.Rendering;
using Orleans.Poker.BotFrontend.Texts;
using Orleans.Poker.Engine.Cards;
using Orleans.Poker.Engine.Evaluation;
using Orleans.Poker.Engine.Rules;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;

namespace Orleans.Poker.BotFrontend.Tests;

/// <summary>What players read: in their language, hand names and refusals included, and told of each hand's result.</summary>
[Collection(BotCollection.Name)]
public sealed partial class TextsTests(BotFixture bot)
{
    [Fact]
    public async Task A_Persian_players_transcript_of_a_whole_hand_has_no_Latin_words_but_card_ranks_and_names()
    {
        var table = await bot.NewTable("میز آزمون");
        var tableId = table.GetPrimaryKeyString();
        var (persian, english) = (BotFixture.NewUserId(), BotFixture.NewUserId());
        await bot.Press(persian, "lg:fa");
        var start = bot.Api.LastIndex;
        var answers = new List<string?> { AnswerText(await bot.Press(persian, $"j:{tableId}")) };
        await bot.Press(english, $"j:{tableId}");
        var before = await table.GetSnapshot(null);

        var hand = (await bot.StartNextHand(table)).View.HandNo;
        var consumed = start;
        BotApiRequest? answeredPrompt = null;
        var (outOfTurnTried, staleTried) = (false, false);
        while ((await table.GetSnapshot(null)).View is { ActorSeat: { } actorSeat } view && view.HandNo == hand)
        {
            var actor = view.Seats.Single(s => s.Seat == actorSeat).PlayerId!.Value;
            var prompt = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == actor && r.CallbackData.Any(d => d.StartsWith($"a:{tableId}:{hand}:{view.TurnId}:", StringComparison.Ordinal)), consumed);
            consumed = prompt.Index;
            if (actor == english && !outOfTurnTried)
            {
                // The engine's refusal names PHH seats ("it is p2's turn, not p1's"): the player reads their own words.
                outOfTurnTried = true;
                answers.Add(AnswerText(await bot.Press(persian, PlayTests.TurnPrefix(prompt) + "k")));
            }

            if (actor == persian && answeredPrompt is not null && !staleTried)
            {
                staleTried = true;
                answers.Add(AnswerText(await bot.Press(persian, PlayTests.TurnPrefix(answeredPrompt) + "k")));
            }

            var choices = prompt.CallbackData.Select(d => d.Split(':')[^1]).ToList();
            var answer = await bot.Press(actor, PlayTests.TurnPrefix(prompt) + (choices.Contains("k") ? "k" : "c"));
            if (actor == persian)
            {
                answers.Add(AnswerText(answer));
                answeredPrompt = prompt;
            }
        }

        var after = await table.GetSnapshot(null);
        var result = after.View.LastResult!;
        var expected = new Dictionary<long, string>();
        foreach (var (player, language) in new[] { (persian, BotTexts.Persian), (english, BotTexts.English) })
        {
            var net = Stack(after, player) - Stack(before, player);
            expected[player] = ResultText.Notice(after.View, result, player, net, language);
            await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == player && r.Text == expected[player], start);
        }

        await bot.Api.WaitFor(r => r.Method == "editMessageText" && r.ChatId == persian && r.Text.Contains("🏆", StringComparison.Ordinal), start);
        await bot.Outbox.Idle(persian);
        // The next hand is dealt: the last one's result is not told again.
        await bot.StartNextHand(table);
        await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == persian && r.Text.Contains($"#{hand + 1}", StringComparison.Ordinal), consumed);
        await bot.Outbox.Idle(persian);
        await bot.Outbox.Idle(english);

        var transcript = bot.Api.Requests.Where(r => r.Index > start && r.ChatId == persian)
            .SelectMany(r => r.ButtonTexts.Prepend(r.Text))
            .Concat(answers.OfType<string>())
            .ToList();
        var names = after.View.Seats.Select(s => s.Name).OfType<string>().ToList();
        Assert.True(outOfTurnTried && staleTried, "both refusals were tried");
        Assert.Contains(transcript, text => text.Contains(BotTexts.Error(BotTexts.Persian, "stale_action"), StringComparison.Ordinal));
        Assert.Contains(transcript, text => text.Contains(BotTexts.Get(BotTexts.Persian, "error", ""), StringComparison.Ordinal));
        Assert.Contains(transcript, text => text.Contains("⏳", StringComparison.Ordinal));
        Assert.Contains(transcript, text => text.Contains("🏆", StringComparison.Ordinal));
        Assert.All(transcript, text => Assert.True(LatinWords(text, names).Count == 0, $"Latin words {string.Join(", ", LatinWords(text, names))} in: {text}"));
        foreach (var (player, notice) in expected)
        {
            Assert.Single(bot.Api.Requests, r => r.Index > start && r.Method == "sendMessage" && r.ChatId == player && r.Text == notice);
        }

        Assert.Matches("^(🏆 You won|You lost|Hand #)", expected[english]);
    }

    [Fact]
    public async Task The_custom_amount_confirmation_reads_raise_to_the_amount()
    {
        var table = await bot.NewTable("Custom words");
        var tableId = table.GetPrimaryKeyString();
        await bot.JoinTwo(table);
        var view = (await bot.StartNextHand(table)).View;
        var actor = view.Seats.Single(s => s.Seat == view.ActorSeat).PlayerId!.Value;
        var prompt = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == actor && r.CallbackData.Any(d => d.StartsWith($"a:{tableId}:{view.HandNo}:{view.TurnId}:", StringComparison.Ordinal)));
        var legal = (await table.GetSnapshot(actor)).Mine!.Legal!;
        var amount = legal.MinRaiseTo + 1;

        var asked = bot.Api.LastIndex;
        await bot.Press(actor, PlayTests.TurnPrefix(prompt) + "x", messageId: prompt.SentMessageId ?? 1);
        await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == actor && r.Json["reply_markup"]?["force_reply"] is not null, asked);
        await bot.Post(BotFixture.Message(actor, amount.ToString(CultureInfo.InvariantCulture)));
        // The confirmation edit (the next turn's event may have taken the prompt's buttons off just before it).
        var confirmed = await bot.Api.WaitFor(r => r.Method == "editMessageText" && r.ChatId == actor && r.MessageId == prompt.SentMessageId && r.Text.StartsWith('✓'), asked);

        Assert.False(legal.CanCheck, "preflop the first to act faces the big blind");
        Assert.Equal($"✓ Raise to {amount}", confirmed.Text);
        Assert.Equal(amount, (await table.GetSnapshot(null)).View.Seats.Single(s => s.PlayerId == actor).Bet);
    }

    [Fact]
    public async Task The_lobby_shows_antes_and_bring_in_for_stud_and_pages_a_long_lobby()
    {
        var templateId = $"bot-stud-{Guid.NewGuid():N}";
        await bot.Grains.GetGrain<ITemplateGrain>(templateId).Create(new TemplateConfig
        {
            Name = "Stud for the lobby", Variant = "F7S", Ante = 1, BringIn = 1, SmallBet = 2, BigBet = 4,
            MinBuyIn = 40, MaxBuyIn = 200, MinPlayers = 2, MaxPlayers = 8,
        });
        var studName = "Stud " + Guid.NewGuid().ToString("N")[..6];
        await bot.NewTable(studName, templateId);
        for (var i = 0; i < Handling.UpdateHandler.LobbyPageSize + 1; i++)
        {
            await bot.NewTable();
        }

        var (first, page) = await bot.FindInLobby(BotFixture.NewUserId(), studName);

        var row = page.Text.Split('\n').Single(line => line.StartsWith(studName, StringComparison.Ordinal));
        Assert.Contains("l:1", first.CallbackData);
        Assert.Contains("Page 1 of", first.Text, StringComparison.Ordinal);
        Assert.Equal($"{studName} · Seven card stud · ante 1, bring-in 1, bets 2/4 · 0/8 seated", row);
        Assert.True(page.Text.Split('\n').Count(line => line.Contains(" · ", StringComparison.Ordinal)) <= Handling.UpdateHandler.LobbyPageSize);
    }

    [Theory]
    [InlineData("KsKd4h4cAd", HandRanking.StandardHigh, "Two pair, kings and fours", "دو جفت شاه و چهار")]
    [InlineData("7s7d4h3cAd", HandRanking.StandardHigh, "Pair of sevens", "جفت هفت")]
    [InlineData("AsKsQsJsTs", HandRanking.StandardHigh, "Royal flush", "رویال فلاش")]
    [InlineData("QsQdQh9c9d", HandRanking.StandardHigh, "Full house, queens over nines", "فول‌هاوس، سه بی‌بی و دو نه")]
    [InlineData("As2d3h4c6d", HandRanking.AceToFiveLow, "Six-low 6-4-3-2-A", "لوی شش: 6-4-3-2-A")]
    [InlineData("Ac2d3h4s", HandRanking.Badugi, "Four-card badugi 4-3-2-A", "بادوگی چهار کارتی: 4-3-2-A")]
    public void Hand_names_read_in_both_languages_and_the_english_matches_the_engine(string cards, HandRanking ranking, string english, string persian)
    {
        var value = HandEvaluator.Evaluate(ranking, CardMask.Parse(cards));
        var name = HandEvaluator.Name(ranking, value);
        var shown = new ShownHand(WireNames.SnakeCase(name.Kind.ToString()), name.Ranks);

        Assert.Equal(english, HandEvaluator.Describe(ranking, value));
        Assert.Equal(english, ShownHandText.Name(shown, BotTexts.English));
        Assert.Equal(persian, ShownHandText.Name(shown, BotTexts.Persian));
    }

    [Fact]
    public void The_turn_message_names_the_time_bank_beside_the_clock_and_says_when_the_clock_runs_on_it()
    {
        var now = DateTimeOffset.Parse("2026-12-03T10:00:00Z", CultureInfo.InvariantCulture);
        var view = new TableView
        {
            TableId = "t", Name = "Bank", Variant = "NT", HandNo = 4, ActorSeat = 1, Deadline = now.AddSeconds(20),
            Seats = [new Orleans.Poker.Grains.Interfaces.Tables.SeatView { Seat = 0, PlayerId = 1, Name = "A" }, new Orleans.Poker.Grains.Interfaces.Tables.SeatView { Seat = 1, PlayerId = 2, Name = "B", TimeBankSeconds = 30 }],
        };
        var mine = new PrivateView(2, 1, ["Ah", "Kd"], new Orleans.Poker.Grains.Interfaces.Tables.LegalActions { CanFold = true, CanCheck = true });

        Assert.Contains("20 s left (+30 s time bank)", TableText.Turn(view, mine, BotTexts.English, now), StringComparison.Ordinal);
        Assert.Contains("(on the time bank)", TableText.Turn(view with { OnTimeBank = true }, mine, BotTexts.English, now), StringComparison.Ordinal);
        Assert.Contains("بانک زمان", TableText.Turn(view, mine, BotTexts.Persian, now), StringComparison.Ordinal);
        Assert.DoesNotContain("time bank", TableText.Turn(view with { Seats = [view.Seats[0], view.Seats[1] with { TimeBankSeconds = 0 }] }, mine, BotTexts.English, now), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Check", "Check", "چک")]
    [InlineData("Call 20", "Call 20", "کال 20")]
    [InlineData("Raise 60", "Raise to 60", "رِیز تا 60")]
    [InlineData("Bet 8", "Bet 8", "بِت 8")]
    [InlineData("Discard 2", "Discard 2", "تعویض 2")]
    [InlineData("StandPat", "Stand pat", "بدون تعویض")]
    public void A_seats_last_action_reads_in_both_languages(string code, string english, string persian)
    {
        Assert.Equal(english, TableText.LastAction(code, BotTexts.English));
        Assert.Equal(persian, TableText.LastAction(code, BotTexts.Persian));
    }

    [Fact]
    public void Every_kind_of_ledger_entry_reads_in_both_languages()
    {
        foreach (var kind in Enum.GetValues<Grains.Interfaces.Players.LedgerKind>())
        {
            var (english, persian) = (BotTexts.Get(BotTexts.English, "ledger." + kind), BotTexts.Get(BotTexts.Persian, "ledger." + kind));
            Assert.True(BotTexts.Has("ledger." + kind), $"{kind} has no text");
            Assert.NotEqual(english, persian);
            Assert.DoesNotMatch("[A-Za-z]", persian);
        }
    }

    [Fact]
    public void Every_engine_refusal_has_its_own_text_in_both_languages_and_others_a_polite_one()
    {
        var generic = BotTexts.Error(BotTexts.Persian, "no_such_code");

        foreach (var code in Enum.GetNames<EngineErrorCode>().Select(WireNames.SnakeCase))
        {
            Assert.True(BotTexts.Has("error." + code), code);
            Assert.NotEqual(generic, BotTexts.Error(BotTexts.Persian, code));
        }

        Assert.Equal(BotTexts.Get(BotTexts.Persian, "error", BotTexts.Get(BotTexts.Persian, "error.generic")), generic);
        Assert.Empty(BotTexts.MissingPersian());
    }

    /// <summary>The Latin-script words of <paramref name="text"/> once card ranks (alone or with a suit) and <paramref name="names"/> are taken out.</summary>
    private static List<string> LatinWords(string text, IEnumerable<string> names)
    {
        foreach (var name in names.OrderByDescending(n => n.Length))
        {
            text = text.Replace(name, " ", StringComparison.Ordinal);
        }

        text = CardNotation().Replace(text, " ");
        return LatinWord().Matches(text).Select(m => m.Value).ToList();
    }

    private static long Stack(TableSnapshot snapshot, long playerId) => snapshot.View.Seats.Single(s => s.PlayerId == playerId).Stack;

    private static string? AnswerText(BotApiRequest answer) => answer.Json["text"]?.GetValue<string>();

    // A rank (2-9, 10 or T, J Q K A), with a suit or standing alone as in "7-5-4-3-2" or "4-3-2-A".
    [GeneratedRegex("(?<![A-Za-z0-9])(10|[2-9TJQKA])[♠♥♦♣]?(?![A-Za-z0-9])")]
    private static partial Regex CardNotation();

    [GeneratedRegex("[A-Za-z]+")]
    private static partial Regex LatinWord();
}
