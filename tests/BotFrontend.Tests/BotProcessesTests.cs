using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Poker.BotFrontend.Play;
using Orleans.Poker.BotFrontend.Texts;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.BotFrontend.Tests;

/// <summary>
/// Two bot processes behind one webhook (a load balancer hands each update to either): a player's table is relayed by
/// one of them whichever handles their updates, a custom amount asked for in one is accepted when typed into the
/// other, and when the relaying process stops the other relays the player from their next update on. Each test runs two
/// hosts of its own bot (token) on one fake Bot API, so the API sees what the player gets from both.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class BotProcessesTests(BotFixture bot)
{
    [Fact]
    public async Task A_player_whose_updates_alternate_between_two_processes_gets_each_prompt_and_hand_message_once()
    {
        await using var two = await Start("777101:TWO-PROCESSES");
        var (a, b, api) = (two.A, two.B, two.Api);
        var (table, first, second) = await SeatTwo(two, "Two processes", b);
        var tableId = table.GetPrimaryKeyString();
        // Each player's next update goes to the other process.
        await Say(b, first, "/table");
        await Say(a, second, "/table");
        var hand = (await bot.StartNextHand(table)).View.HandNo;

        // Preflop the small blind calls and the big blind checks, on the flop the first checks: each press through the other process.
        var turns = new List<Turn>();
        for (var i = 0; i < 3; i++)
        {
            var turn = await CurrentTurn(api, table);
            turns.Add(turn);
            await Press(i % 2 == 0 ? b : a, turn.Actor, turn.Prefix + Passive(turn));
        }

        turns.Add(await CurrentTurn(api, table));
        await Idle(a, first, second);
        await Idle(b, first, second);

        Assert.Equal(1, turns[2].View.Street);
        foreach (var turn in turns)
        {
            Assert.Single(api.Requests, r => r.Method == "sendMessage" && r.CallbackData.Any(d => d.StartsWith(turn.Prefix, StringComparison.Ordinal)));
        }

        foreach (var player in new[] { first, second })
        {
            Assert.Single(api.To(player), r => r.Method == "sendMessage" && r.Text.StartsWith("🂠", StringComparison.Ordinal) && r.Text.Contains($"#{hand}", StringComparison.Ordinal));
            Assert.Single(api.To(player), r => r.Method == "sendMessage" && r.Text.StartsWith("🃏", StringComparison.Ordinal) && r.Text.Contains($"#{hand}", StringComparison.Ordinal));
            Assert.Single(new[] { a, b }, host => Watches(host).Find(tableId)?.HasPlayer(player) == true);
        }
    }

    [Fact]
    public async Task A_custom_amount_asked_for_in_one_process_is_accepted_when_typed_into_the_other()
    {
        await using var two = await Start("777102:TWO-AMOUNT");
        var (a, b, api) = (two.A, two.B, two.Api);
        var (table, _, _) = await SeatTwo(two, "Two amount", a);
        await bot.StartNextHand(table);
        var turn = await CurrentTurn(api, table);
        var legal = (await table.GetSnapshot(turn.Actor)).Mine!.Legal!;
        var asking = api.LastIndex;
        await Press(a, turn.Actor, turn.Prefix + "x");
        var ask = await api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == turn.Actor && r.Json["reply_markup"]?["force_reply"] is not null, asking);

        var typed = api.LastIndex;
        await Say(b, turn.Actor, legal.MinRaiseTo.ToString(CultureInfo.InvariantCulture));
        var after = await table.GetSnapshot(null);

        Assert.Contains($"{legal.MinRaiseTo}", ask.Text, StringComparison.Ordinal);
        Assert.Equal(legal.MinRaiseTo, after.View.Seats.Single(s => s.PlayerId == turn.Actor).Bet);
        Assert.NotEqual(turn.View.ActorSeat, after.View.ActorSeat);
        Assert.DoesNotContain(api.Requests, r => r.Index > typed && r.ChatId == turn.Actor && r.Text == BotTexts.Get(BotTexts.English, "unknown"));
    }

    [Fact]
    public async Task When_the_relaying_process_stops_the_other_relays_the_player_from_their_next_update()
    {
        await using var two = await Start("777103:TWO-STOP");
        var (a, b, api) = (two.A, two.B, two.Api);
        var (table, first, second) = await SeatTwo(two, "Two stop", a);
        var tableId = table.GetPrimaryKeyString();
        await Say(b, first, "/table");
        await Say(b, second, "/table");
        await bot.StartNextHand(table);
        var turn = await CurrentTurn(api, table);
        var relayedByB = Watches(b).Find(tableId);

        await two.Stop(a);
        // Until their next update nobody relays them: their turns are pinged as anybody's nobody relays.
        var presentMeanwhile = await bot.Grains.GetGrain<Grains.Interfaces.Pings.ITablePresenceGrain>(tableId).IsPresent(first);
        await Say(b, first, "/table");
        await Say(b, second, "/table");
        var pressed = api.LastIndex;
        await Press(b, turn.Actor, turn.Prefix + Passive(turn));
        var next = await CurrentTurn(api, table, pressed);
        await Idle(b, first, second);

        Assert.Null(relayedByB);
        Assert.False(presentMeanwhile);
        Assert.NotEqual(turn.Actor, next.Actor);
        Assert.True(Watches(b).Find(tableId)?.HasPlayer(first) == true && Watches(b).Find(tableId)?.HasPlayer(second) == true);
        Assert.Single(api.Requests, r => r.Method == "sendMessage" && r.CallbackData.Any(d => d.StartsWith(next.Prefix, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_language_chosen_through_the_other_process_is_the_one_the_relaying_process_speaks_from_its_next_renewal()
    {
        // Renewals every 3 s: the relay's lease (4.5 s) outlasts a renewal held up on a busy machine.
        await using var two = await Start("777104:TWO-LANGUAGE", TimeSpan.FromSeconds(3));
        var (a, b, api) = (two.A, two.B, two.Api);
        var (table, first, second) = await SeatTwo(two, "Two language", a);
        var watch = Watches(a).Find(table.GetPrimaryKeyString());

        await Press(b, first, $"lg:{BotTexts.Persian}");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (watch?.LanguageOf(first) != BotTexts.Persian && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var dealing = api.LastIndex;
        var hand = (await bot.StartNextHand(table)).View.HandNo;
        // The hand's event reaches the relaying process on its own: its cards are awaited before the queues are.
        await api.WaitFor(r => r.ChatId == first && r.Method == "sendMessage" && r.Text.StartsWith("🂠", StringComparison.Ordinal), dealing);
        await api.WaitFor(r => r.ChatId == second && r.Method == "sendMessage" && r.Text.StartsWith("🂠", StringComparison.Ordinal), dealing);
        await Idle(a, first, second);
        await Idle(b, first, second);

        Assert.Equal(BotTexts.Persian, watch?.LanguageOf(first));
        Assert.Null(Watches(b).Find(table.GetPrimaryKeyString())?.LanguageOf(first));
        var persian = BotTexts.Get(BotTexts.Persian, "hole", "Two language", hand, string.Empty);
        var english = BotTexts.Get(BotTexts.English, "hole", "Two language", hand, string.Empty);
        Assert.Single(api.To(first), r => r.Method == "sendMessage" && r.Text.StartsWith(persian, StringComparison.Ordinal));
        Assert.Single(api.To(second), r => r.Method == "sendMessage" && r.Text.StartsWith(english, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_player_who_unblocks_the_bot_through_the_other_process_gets_the_hand_as_it_stands_from_the_relaying_one()
    {
        await using var two = await Start("777105:TWO-UNBLOCK", TimeSpan.FromSeconds(3));
        var (a, b, api) = (two.A, two.B, two.Api);
        var (table, first, _) = await SeatTwo(two, "Two unblock", a);
        // The first player blocks the bot: the relaying process A finds their chat answering 403 and sends it nothing more.
        api.FailChat(first, 403);
        var blocked = api.LastIndex;
        var hand = (await bot.StartNextHand(table)).View.HandNo;
        await api.WaitFor(r => r.ChatId == first && r.Status == 403, blocked);
        await Idle(a, first);
        var unreachable = await BoundedWait.Until(
            async () => (await bot.Grains.GetGrain<Grains.Interfaces.Players.IPlayerGrain>(first).Get()).Profile.Unreachable, u => u, "the player marked unreachable", TimeSpan.FromSeconds(20));

        // They unblock it and write, and that update goes to B, which does not relay their table.
        api.ClearChat(first);
        var unblocked = api.LastIndex;
        await Say(b, first, "/start");
        var cards = $"Your cards at Two unblock, hand #{hand}:";
        await api.WaitFor(r => r.ChatId == first && r.Accepted && r.Text.Contains(cards, StringComparison.Ordinal), unblocked);
        await api.WaitFor(r => r.ChatId == first && r.Accepted && r.Text.StartsWith("🃏", StringComparison.Ordinal), unblocked);
        await Idle(a, first);
        await Idle(b, first);

        Assert.True(unreachable);
        Assert.True(Watches(a).Find(table.GetPrimaryKeyString())?.HasPlayer(first));
        Assert.False(Watches(b).Find(table.GetPrimaryKeyString())?.HasPlayer(first) == true);
        Assert.Single(api.To(first), r => r.Index > unblocked && r.Text.Contains(cards, StringComparison.Ordinal));
    }

    /// <summary>Two hosts of one bot on one fake Bot API; disposing stops those still running.</summary>
    private sealed class TwoProcesses(FakeBotApi api, WebApplication a, WebApplication b) : IAsyncDisposable
    {
        private readonly List<WebApplication> running = [a, b];

        public FakeBotApi Api => api;

        public WebApplication A => a;

        public WebApplication B => b;

        public async Task Stop(WebApplication host)
        {
            running.Remove(host);
            await BotFixture.Stop(host);
        }

        public async ValueTask DisposeAsync()
        {
            foreach (var host in running)
            {
                await BotFixture.Stop(host);
            }

            await api.DisposeAsync();
        }
    }

    private async Task<TwoProcesses> Start(string token, TimeSpan? resubscribeInterval = null)
    {
        var api = await FakeBotApi.Start();
        return new TwoProcesses(api, await bot.StartBot(bot.OtherBot(token, api, resubscribeInterval)), await bot.StartBot(bot.OtherBot(token, api, resubscribeInterval)));
    }

    /// <summary>
    /// A new table and two new players who opened their private chats with the bot and joined it with its button, the
    /// first through process A, the second through <paramref name="secondVia"/>.
    /// </summary>
    private async Task<(ITableGrain Table, long First, long Second)> SeatTwo(TwoProcesses two, string name, WebApplication secondVia)
    {
        var table = await bot.NewTable(name);
        var (first, second) = (BotFixture.NewUserId(), BotFixture.NewUserId());
        two.Api.Opened(first);
        two.Api.Opened(second);
        await Press(two.A, first, $"j:{table.GetPrimaryKeyString()}");
        await Press(secondVia, second, $"j:{table.GetPrimaryKeyString()}");
        return (table, first, second);
    }

    /// <summary>The turn being played and the "your turn" prompt the bot sent its player for it.</summary>
    private sealed record Turn(long Actor, string Prefix, BotApiRequest Prompt, TableView View);

    private static TableWatches Watches(WebApplication host) => host.Services.GetRequiredService<TableWatches>();

    private static async Task<Turn> CurrentTurn(FakeBotApi api, ITableGrain table, int after = -1)
    {
        var view = (await table.GetSnapshot(null)).View;
        Assert.NotNull(view.ActorSeat);
        var actor = view.Seats.Single(s => s.Seat == view.ActorSeat).PlayerId!.Value;
        var prefix = $"a:{table.GetPrimaryKeyString()}:{view.HandNo}:{view.TurnId}:";
        var prompt = await api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == actor && r.CallbackData.Any(d => d.StartsWith(prefix, StringComparison.Ordinal)), after);
        return new Turn(actor, prefix, prompt, view);
    }

    /// <summary>Posts <paramref name="update"/> of <paramref name="userId"/>'s private chat to <paramref name="host"/> and waits until it is handled.</summary>
    private async Task Post(WebApplication host, JsonObject update, long userId)
    {
        using var webhook = host.GetTestServer().CreateClient();
        (await bot.Post(update, webhook: webhook)).EnsureSuccessStatusCode();
        await host.Services.GetRequiredService<Telegram.ChatQueues>().Idle(userId);
        await host.Services.GetRequiredService<Sending.Outbox>().Idle(userId);
    }

    private static string Passive(Turn turn) => turn.Prompt.CallbackData.Contains(turn.Prefix + "k") ? "k" : "c";

    private Task Press(WebApplication host, long userId, string data) => Post(host, BotFixture.Callback(userId, data), userId);

    private Task Say(WebApplication host, long userId, string text) => Post(host, BotFixture.Message(userId, text), userId);

    private static async Task Idle(WebApplication host, params long[] chats)
    {
        foreach (var chat in chats)
        {
            await host.Services.GetRequiredService<Sending.Outbox>().Idle(chat);
        }
    }
}
