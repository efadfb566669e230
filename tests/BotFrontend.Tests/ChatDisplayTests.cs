using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.Poker.BotFrontend.Play;
using Orleans.Poker.Grains.Interfaces.Chat;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.BotFrontend.Tests;

[Collection(BotCollection.Name)]
public sealed class ChatDisplayTests(BotFixture bot)
{
    [Fact]
    public async Task A_chat_players_table_message_shows_the_last_chat_lines_as_plain_text_and_drops_a_deleted_one()
    {
        var (table, chat, player, app, start) = await HandWithChatAndAppPlayer("Chatty table", "App <i>player</i>");

        var first = await chat.Post(app, "<b>hi</b> & *not bold*", null);
        var shown = await bot.Api.WaitFor(r => r.Method == "editMessageText" && r.ChatId == player && r.Text.Contains("<b>hi</b>", StringComparison.Ordinal), start);
        foreach (var text in new[] { "two", "three", "four" })
        {
            await chat.Post(app, text, null);
        }

        var lastThree = await bot.Api.WaitFor(r => r.Method == "editMessageText" && r.ChatId == player && r.Text.Contains("four", StringComparison.Ordinal), shown.Index);
        await chat.Delete((await chat.Recent()).Single(m => m.Text == "four").Id);
        var afterDelete = await bot.Api.WaitFor(r => r.Method == "editMessageText" && r.ChatId == player && !r.Text.Contains("four", StringComparison.Ordinal) && r.Text.Contains("💬", StringComparison.Ordinal), lastThree.Index);

        Assert.Contains("💬 Table chat:\nApp <i>player</i>: <b>hi</b> & *not bold*", shown.Text, StringComparison.Ordinal);
        Assert.Null(shown.Json["parse_mode"]);
        Assert.Null(shown.Json["entities"]);
        Assert.DoesNotContain(first.Text, lastThree.Text, StringComparison.Ordinal);
        Assert.EndsWith("App <i>player</i>: two\nApp <i>player</i>: three\nApp <i>player</i>: four", lastThree.Text, StringComparison.Ordinal);
        Assert.EndsWith("App <i>player</i>: <b>hi</b> & *not bold*\nApp <i>player</i>: two\nApp <i>player</i>: three", afterDelete.Text, StringComparison.Ordinal);
        Assert.StartsWith("🃏", afterDelete.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lines_of_a_player_muted_for_oneself_are_left_out_of_ones_own_table_message_only()
    {
        var table = await bot.NewTable("Muted chat table");
        var tableId = table.GetPrimaryKeyString();
        var (listener, other) = (BotFixture.NewUserId(), BotFixture.NewUserId());
        var app = BotFixture.NewUserId();
        await bot.Press(listener, $"j:{tableId}");
        await bot.Press(other, $"j:{tableId}");
        await bot.Grains.GetGrain<IPlayerGrain>(app).Register(new PlayerProfile { PlayerId = app, TelegramId = app, DisplayName = "Loud" });
        await table.Sit(new SeatRequest(app, "Loud", 100));
        await bot.Grains.GetGrain<IPlayerGrain>(listener).SetChatMute(app, true);
        var start = bot.Api.LastIndex;
        await bot.StartNextHand(table);
        await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == listener && r.Text.StartsWith("🃏", StringComparison.Ordinal), start);
        await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == other && r.Text.StartsWith("🃏", StringComparison.Ordinal), start);
        var chat = bot.Grains.GetGrain<ITableChatGrain>(tableId);

        await chat.Post(app, "shouting", null);
        await chat.Post(other, "calm words", null);
        var toOther = await bot.Api.WaitFor(r => r.Method == "editMessageText" && r.ChatId == other && r.Text.Contains("calm words", StringComparison.Ordinal), start);
        var toListener = await bot.Api.WaitFor(r => r.Method == "editMessageText" && r.ChatId == listener && r.Text.Contains("calm words", StringComparison.Ordinal), start);

        Assert.Contains("Loud: shouting", toOther.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("shouting", toListener.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(bot.Api.Requests, r => r.Index > start && r.ChatId == listener && r.Text.Contains("shouting", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_chat_line_that_reached_no_observer_shows_once_the_bot_renews_its_watch()
    {
        var (table, chat, player, app, _) = await HandWithChatAndAppPlayer("Lost chat table", "Far");

        // The chat grain is reactivated without its observers (as when its silo left): the line reaches nobody.
        await chat.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        await chat.Post(app, "lost words", null);
        var mark = bot.Api.LastIndex;
        bot.Bot.Services.GetRequiredService<TableWatches>().RenewWatches();
        await bot.Api.WaitFor(r => r.Method == "editMessageText" && r.ChatId == player && r.Text.Contains("Far: lost words", StringComparison.Ordinal), mark);

        // Subscribed again: the next line comes as it is posted.
        await chat.Post(app, "found words", null);
        var both = await bot.Api.WaitFor(r => r.Method == "editMessageText" && r.ChatId == player && r.Text.Contains("Far: found words", StringComparison.Ordinal), mark);
        Assert.Contains("Far: lost words", both.Text, StringComparison.Ordinal);
        await table.Close("test over");
    }

    /// <summary>
    /// A new table where a chat player and a mini-app player named <paramref name="appName"/> play a hand, once the chat
    /// player has its table message; the Bot API's last request index before the hand.
    /// </summary>
    private async Task<(ITableGrain Table, ITableChatGrain Chat, long Player, long App, int Start)> HandWithChatAndAppPlayer(string tableName, string appName)
    {
        var table = await bot.NewTable(tableName);
        var tableId = table.GetPrimaryKeyString();
        var (player, app) = (BotFixture.NewUserId(), BotFixture.NewUserId());
        await bot.Press(player, $"j:{tableId}");
        await bot.Grains.GetGrain<IPlayerGrain>(app).Register(new PlayerProfile { PlayerId = app, TelegramId = app, DisplayName = appName });
        await table.Sit(new SeatRequest(app, appName, 100));
        var start = bot.Api.LastIndex;
        await bot.StartNextHand(table);
        await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == player && r.Text.StartsWith("🃏", StringComparison.Ordinal), start);
        return (table, bot.Grains.GetGrain<ITableChatGrain>(tableId), player, app, start);
    }

    [Fact]
    public void Chat_lists_that_arrive_out_of_order_leave_the_newest_chat_with_every_deletion()
    {
        static ChatMessage Line(long id, bool deleted = false) => new(id, 7, "Ann", deleted ? "" : $"line {id}", null, DateTimeOffset.UnixEpoch, deleted);
        IReadOnlyList<ChatMessage> first = [Line(1)], second = [Line(1), Line(2)], deletion = [Line(1, deleted: true), Line(2)];

        // The second post's list comes before the first's: the table message must not go back to the first.
        var overtaken = TableWatch.MergeChat(TableWatch.MergeChat([], second), first);
        // A deletion overtaken by the list it deleted from.
        var undeleted = TableWatch.MergeChat(TableWatch.MergeChat(second, deletion), second);
        // Full lists (the chat keeps its last lines): the newest ones stay, in order.
        var scrolled = TableWatch.MergeChat([Line(1), Line(2), Line(3)], [Line(2), Line(3), Line(4)]);

        Assert.Equal([1L, 2L], overtaken.Select(m => m.Id));
        Assert.Equal([true, false], undeleted.Select(m => m.Deleted));
        Assert.Equal([2L, 3L, 4L], scrolled.Select(m => m.Id));
    }
}
