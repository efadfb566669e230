using Microsoft.Extensions.DependencyInjection;
using Orleans.Core.Internal;
using Orleans.Poker.BotFrontend.Play;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.BotFrontend.Tests;

/// <summary>
/// A table event lost while a silo leaves, with none after it: the player whose turn it announced is prompted once the
/// bot checks what it missed (the cluster client tells it when a gateway connection closed).
/// </summary>
[Collection(BotCollection.Name)]
public sealed class MissedEventsTests(BotFixture bot)
{
    [Fact]
    public async Task A_turn_whose_event_was_lost_is_prompted_once_the_bot_checks_what_it_missed()
    {
        var table = await bot.NewTable("Missed events table");
        var tableId = table.GetPrimaryKeyString();
        await bot.JoinTwo(table);
        var view = (await bot.StartNextHand(table)).View;
        var first = view.Seats.Single(s => s.Seat == view.ActorSeat).PlayerId!.Value;
        await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == first && r.CallbackData.Any(d => d.StartsWith(Turn(tableId, view), StringComparison.Ordinal)));

        // The table is reactivated without its observers (as when its silo left without handing it over), and the
        // first player acts from elsewhere (the mini-app): the event that names the next turn reaches nobody.
        await table.Cast<IGrainManagementExtension>().DeactivateOnIdle();
        var legal = (await table.GetSnapshot(first)).Mine!.Legal!;
        await table.Act(first, new TurnRef(view.HandNo, view.TurnId), new PlayerAction(legal.CanCheck ? ActionKind.Check : ActionKind.Call), clientSeq: 1);
        var next = (await table.GetSnapshot(null)).View;
        var second = next.Seats.Single(s => s.Seat == next.ActorSeat).PlayerId!.Value;
        Assert.NotEqual(first, second);
        var mark = bot.Api.LastIndex;
        await Task.Delay(500);
        Assert.DoesNotContain(bot.Api.Requests, r => r.Index > mark && r.CallbackData.Any(d => d.StartsWith(Turn(tableId, next), StringComparison.Ordinal)));

        bot.Bot.Services.GetRequiredService<TableWatches>().RenewWatches();
        await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == second && r.CallbackData.Any(d => d.StartsWith(Turn(tableId, next), StringComparison.Ordinal)), mark);

        // Subscribed again: the second player's action reaches the bot as an event, which prompts the first again.
        var answer = (await table.GetSnapshot(second)).Mine!.Legal!;
        await table.Act(second, new TurnRef(next.HandNo, next.TurnId), new PlayerAction(answer.CanCheck ? ActionKind.Check : ActionKind.Call), clientSeq: 1);
        var then = (await table.GetSnapshot(null)).View;
        if (then.ActorSeat is not null && then.HandNo == view.HandNo)
        {
            var actor = then.Seats.Single(s => s.Seat == then.ActorSeat).PlayerId!.Value;
            await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == actor && r.CallbackData.Any(d => d.StartsWith(Turn(tableId, then), StringComparison.Ordinal)), mark);
        }
        else
        {
            await bot.Api.WaitFor(r => r.Method == "editMessageText" && r.ChatId == first && r.Text.Contains("🏆", StringComparison.Ordinal), mark);
        }
    }

    private static string Turn(string tableId, TableView view) => $"a:{tableId}:{view.HandNo}:{view.TurnId}:";
}
