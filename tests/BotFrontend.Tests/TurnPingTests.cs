using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Poker.BotFrontend.Play;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.BotFrontend.Tests;

/// <summary>Turn pings: a player with no live connection to the table gets one message per turn, edited when the turn passes.</summary>
[Collection(BotCollection.Name)]
public sealed class TurnPingTests(BotFixture bot)
{
    [Fact]
    public async Task A_player_away_from_the_table_is_pinged_once_per_turn_its_button_acts_and_the_ping_is_edited_when_the_turn_passes()
    {
        await bot.Bot.Services.GetRequiredService<TurnPinger>().Ready;
        var table = await bot.NewTable("Ping table");
        var tableId = table.GetPrimaryKeyString();
        var players = new[] { BotFixture.NewUserId(), BotFixture.NewUserId() };
        foreach (var id in players)
        {
            // Mini-app players who started the bot once: the bot may write to them, and they do not play from the chat.
            var player = bot.Grains.GetGrain<IPlayerGrain>(id);
            await player.Register(new PlayerProfile { PlayerId = id, TelegramId = id, DisplayName = $"App{id % 1000}" });
            await player.SetReachable(true);
            bot.Api.Opened(id);
            await table.Sit(new SeatRequest(id, $"App{id % 1000}", 100));
        }

        var start = bot.Api.LastIndex;
        var view = (await bot.StartNextHand(table)).View;
        var first = view.Seats.Single(s => s.Seat == view.ActorSeat).PlayerId!.Value;
        var second = players.Single(p => p != first);
        static bool IsPing(BotApiRequest r, long chatId) => r.Method == "sendMessage" && r.ChatId == chatId && r.Text.Contains("Your turn at Ping table (hand #", StringComparison.Ordinal);
        var ping = await bot.Api.WaitFor(r => IsPing(r, first), start);
        var prefix = $"a:{tableId}:{view.HandNo}:{view.TurnId}:";
        var appUrl = (ping.Json["reply_markup"]!["inline_keyboard"] as JsonArray)!.SelectMany(row => row!.AsArray()).Select(b => b?["web_app"]?["url"]?.GetValue<string>()).OfType<string>().Single();

        // The ping's call button acts on its turn, like the prompt's; the ping then says what was done.
        await bot.Press(first, prefix + "c", messageId: ping.SentMessageId!.Value);
        // (The table's word that the turn passed may reach the bot before the answer: the ping then shows it first.)
        await bot.Api.WaitFor(r => r.Method == "editMessageText" && r.ChatId == first && r.MessageId == ping.SentMessageId && r.Text.StartsWith('✓'), ping.Index);
        var afterCall = (await table.GetSnapshot(null)).View;

        // The other player's turn: pinged, and edited without buttons once the clock has played it.
        var secondPing = await bot.Api.WaitFor(r => IsPing(r, second), start);
        bot.Time.Advance(TimeSpan.FromSeconds(21));
        var passed = await bot.Api.WaitFor(r => r.Method == "editMessageText" && r.ChatId == second && r.MessageId == secondPing.SentMessageId, secondPing.Index);
        await bot.Outbox.Idle(first);
        await bot.Outbox.Idle(second);

        Assert.StartsWith($"⏰ Your turn at Ping table (hand #{view.HandNo}) — ⏳", ping.Text, StringComparison.Ordinal);
        Assert.Equal([prefix + "f", prefix + "c"], ping.CallbackData);
        Assert.StartsWith("✓", bot.Api.Requests.Last(r => r.Method == "editMessageText" && r.ChatId == first && r.MessageId == ping.SentMessageId).Text, StringComparison.Ordinal);
        Assert.Equal($"https://app.example/?table={tableId}", appUrl);
        Assert.Equal((view.HandNo, second), (afterCall.HandNo, afterCall.Seats.Single(s => s.Seat == afterCall.ActorSeat).PlayerId));
        Assert.NotEmpty(secondPing.CallbackData);
        Assert.All(secondPing.CallbackData, d => Assert.StartsWith($"a:{tableId}:{afterCall.HandNo}:{afterCall.TurnId}:", d, StringComparison.Ordinal));
        Assert.Equal("Your turn at Ping table (hand #1) has passed.", passed.Text.Replace($"#{view.HandNo}", "#1", StringComparison.Ordinal));
        Assert.True(passed.Json["reply_markup"] is null || passed.Json["reply_markup"]!["inline_keyboard"]?.AsArray().Count is null or 0);
        Assert.Single(bot.Api.Requests, r => IsPing(r, first) && r.CallbackData.Contains(prefix + "c"));
        Assert.Single(bot.Api.Requests, r => IsPing(r, second) && r.CallbackData.Contains(secondPing.CallbackData[0]));
        await table.Close("test over");
    }
}
