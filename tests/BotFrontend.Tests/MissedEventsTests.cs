using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
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

    [Fact]
    public async Task A_hand_result_that_arrives_after_the_next_hands_first_event_is_sent_once_and_its_stale_view_is_not_shown()
    {
        var (watch, a, b, table) = await Crafted("Late result table");
        var finished = table.Event(3, TableEventKind.HandFinished, table.View(5, 102, 98), new HandResult(5, [new PotAward(1, a, 4, null, [])], [], 0, "h5"));

        // Hand 5 starts from 100 each and Ann wins 2; its HandFinished is overtaken by hand 6's first event.
        var mark = bot.Api.LastIndex;
        await watch.OnTableEvent(table.Event(1, TableEventKind.StatusChanged, table.View(4, 100, 100)));
        await watch.OnTableEvent(table.Event(2, TableEventKind.HandStarted, table.View(5, 99, 98)));
        await watch.OnTableEvent(table.Event(4, TableEventKind.HandStarted, table.View(6, 101, 97)));
        await bot.Api.WaitFor(r => r.ChatId == a && r.Text.StartsWith("🃏", StringComparison.Ordinal) && r.Text.Contains("hand #6", StringComparison.Ordinal), mark);
        await bot.Outbox.Idle(a);
        var late = bot.Api.LastIndex;
        await watch.OnTableEvent(finished);
        await watch.OnTableEvent(finished);

        var won = await bot.Api.WaitFor(r => r.ChatId == a && r.Text.Contains("You won", StringComparison.Ordinal), late);
        var lost = await bot.Api.WaitFor(r => r.ChatId == b && r.Text.Contains("You lost", StringComparison.Ordinal), late);
        Assert.StartsWith("🏆 You won 2 at Late result table, hand #5", won.Text, StringComparison.Ordinal);
        Assert.StartsWith("You lost 2 at Late result table, hand #5", lost.Text, StringComparison.Ordinal);

        // A later event of hand 6 (its edit shows the duplicate was handled before it).
        await watch.OnTableEvent(table.Event(5, TableEventKind.Action, table.View(6, 101, 95)));
        await bot.Api.WaitFor(r => r.ChatId == a && r.Text.Contains("hand #6", StringComparison.Ordinal), late);
        await Task.WhenAll(bot.Outbox.Idle(a), bot.Outbox.Idle(b));

        // Once each, and the table messages stay on hand 6.
        var after = bot.Api.Requests.Where(r => r.Index > late && (r.ChatId == a || r.ChatId == b)).ToList();
        Assert.Single(after, r => r.ChatId == a && r.Text.Contains("hand #5", StringComparison.Ordinal));
        Assert.Single(after, r => r.ChatId == b && r.Text.Contains("hand #5", StringComparison.Ordinal));
        Assert.DoesNotContain(after, r => r.Text.StartsWith("🃏", StringComparison.Ordinal) && r.Text.Contains("hand #5", StringComparison.Ordinal));

        // Hand 6 started from the stacks hand 5 left (102 and 98, in the late event), not from hand 5's first event.
        await watch.OnTableEvent(table.Event(6, TableEventKind.HandFinished, table.View(6, 104, 96), new HandResult(6, [new PotAward(1, a, 4, null, [])], [], 0, "h6")));
        var next = await bot.Api.WaitFor(r => r.ChatId == a && r.Text.Contains("hand #6", StringComparison.Ordinal) && r.Text.Contains("You won", StringComparison.Ordinal), late);
        Assert.StartsWith("🏆 You won 2 at Late result table, hand #6", next.Text, StringComparison.Ordinal);
        await Stop(watch);
    }

    [Fact]
    public async Task A_seat_lost_for_sitting_out_whose_event_arrives_late_is_still_told()
    {
        var (watch, a, _, table) = await Crafted("Late stand-up table");

        // Ann's turns timed out and she sits out; the event that gives up her seat is overtaken by the next one.
        var mark = bot.Api.LastIndex;
        await watch.OnTableEvent(table.Event(1, TableEventKind.Action, table.View(3, 100, 100, annSittingOut: true)));
        await bot.Api.WaitFor(r => r.ChatId == a && r.Text.Contains("you sit out now", StringComparison.Ordinal), mark);
        await watch.OnTableEvent(table.Event(3, TableEventKind.Action, table.View(3, null, 98)));
        await watch.OnTableEvent(table.Event(2, TableEventKind.StoodUp, table.View(3, null, 100)));

        await bot.Api.WaitFor(r => r.ChatId == a && r.Text.StartsWith("You sat out too long at Late stand-up table", StringComparison.Ordinal), mark);
        Assert.False(watch.HasPlayer(a));
        await Stop(watch);
    }

    /// <summary>A watch of a new table for two new chat players (Ann in seat 1, Bob in seat 2), to drive with crafted events.</summary>
    private async Task<(TableWatch Watch, long A, long B, CraftedTable Table)> Crafted(string name)
    {
        var table = await bot.NewTable(name);
        var (a, b) = (BotFixture.NewUserId(), BotFixture.NewUserId());
        var watch = new TableWatch(table.GetPrimaryKeyString(), bot.Outbox, bot.Grains, bot.Time, NullLogger.Instance, CancellationToken.None);
        foreach (var player in new[] { a, b })
        {
            watch.AddPlayer(player, "en");
            bot.Api.Opened(player);
        }

        return (watch, a, b, new CraftedTable((await table.GetSnapshot(null)).View, a, b));
    }

    private static async Task Stop(TableWatch watch)
    {
        watch.Complete();
        await watch.Loop.WaitAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Views and events of a table with Ann and Bob, from its view as it was created (<paramref name="Empty"/>).</summary>
    private sealed record CraftedTable(TableView Empty, long A, long B)
    {
        /// <summary>Hand <paramref name="hand"/> with Ann (unless <paramref name="stackA"/> is null) and Bob in it.</summary>
        public TableView View(long hand, long? stackA, long stackB, bool annSittingOut = false) => Empty with
        {
            HandNo = hand,
            Seats =
            [
                .. stackA is { } ann ? [new SeatView { Seat = 1, PlayerId = A, Name = "Ann", Stack = ann, InHand = !annSittingOut, SittingOut = annSittingOut }] : Array.Empty<SeatView>(),
                new SeatView { Seat = 2, PlayerId = B, Name = "Bob", Stack = stackB, InHand = true },
            ],
        };

        public TableEvent Event(long seq, TableEventKind kind, TableView view, HandResult? result = null) => new(Empty.TableId, seq, seq, kind, "x", view, [], result);
    }

    private static string Turn(string tableId, TableView view) => $"a:{tableId}:{view.HandNo}:{view.TurnId}:";
}
