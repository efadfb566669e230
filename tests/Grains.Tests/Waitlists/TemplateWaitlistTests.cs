using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Tables.Model;
using Orleans.Poker.Grains.Tests.Tables;

namespace Orleans.Poker.Grains.Tests.Waitlists;

/// <summary>"Any table of this template": the template's queue and the room's tables that serve it.</summary>
[Collection(ClusterCollection.Name)]
public sealed class TemplateWaitlistTests(ClusterFixture fixture)
{
    private readonly TableKit kit = new(fixture.Client, fixture.Time);

    [Fact]
    public async Task A_queued_player_is_held_the_first_seat_freed_at_any_room_table_after_that_tables_own_queue()
    {
        var (templateId, queue) = await NewTemplate();
        var (first, second) = (await RoomTable(templateId, 1), await RoomTable(templateId, 2));
        var firstPlayers = await kit.Seat(first, 2);
        var secondPlayers = await kit.Seat(second, 2);
        var (ann, bob, own) = (await kit.NewPlayer("Ann"), await kit.NewPlayer("Bob"), await kit.NewPlayer("Own"));
        await first.JoinWaitlist(own, "Own");

        Assert.Equal(new TemplateWaitlistStatus(templateId, 1), await queue.Join(ann, "Ann"));
        Assert.Equal(new TemplateWaitlistStatus(templateId, 2), await queue.Join(bob, "Bob"));

        // The first table's own queue comes first; the second table has none, so Ann is held its freed seat.
        await first.Leave(firstPlayers[0]);
        await second.Leave(secondPlayers[1]);
        Assert.Equal(own, HeldFor(await first.GetSnapshot(null)));
        var held = await second.GetSnapshot(null);
        Assert.Equal(ann, HeldFor(held));
        var offer = await queue.GetStatus(ann);
        Assert.Equal((null, second.GetPrimaryKeyString(), held.View.Seats[1].HeldUntil), (offer.Position, offer.TableId, offer.HeldUntil));
        Assert.Equal(1, (await queue.GetStatus(bob)).Position);

        await second.Sit(new SeatRequest(ann, "Ann", 100));
        Assert.Equal(new TemplateWaitlistStatus(templateId, null), await queue.GetStatus(ann));
        Assert.Equal((2, 0), ((await second.GetSummary()).SeatsTaken, (await second.GetSummary()).SeatsHeld));
    }

    [Fact]
    public async Task A_player_whose_seat_offer_could_not_be_stored_keeps_their_place_and_is_offered_a_seat_once_that_offer_is_over()
    {
        // No hand is dealt while this runs, so the first table's leave is three writes (the seat, its cash-out, its event).
        var (templateId, queue) = await NewTemplate(c => c with { PauseBetweenHands = TimeSpan.FromSeconds(60) });
        var (first, second) = (await RoomTable(templateId, 1), await RoomTable(templateId, 2));
        var firstPlayers = await kit.Seat(first, 2);
        var secondPlayers = await kit.Seat(second, 2);
        var (ann, bob) = (await kit.NewPlayer("Ann"), await kit.NewPlayer("Bob"));
        await queue.Join(ann, "Ann");
        await queue.Join(bob, "Bob");

        // The first table's leave is stored; the write that holds the freed seat for Ann fails.
        fixture.Storage.FailNextWrite("table", first.GetPrimaryKeyString(), passing: 3);
        await Assert.ThrowsAsync<StoreUnavailableException>(() => first.Leave(firstPlayers[0]));
        var waiting = await queue.GetStatus(ann);

        // While that offer could still be held, a seat freed at another table goes to the next player in the queue.
        await second.Leave(secondPlayers[0]);
        var heldForBob = HeldFor(await second.GetSnapshot(null));

        // Once it is over, Ann is offered the next seat: Bob's, which he let expire at the same moment.
        kit.Time.Advance(TableKit.Holdem().SeatHoldTime + TimeSpan.FromSeconds(1));
        var heldForAnn = HeldFor(await second.GetSnapshot(null));

        Assert.Equal(new TemplateWaitlistStatus(templateId, 1), waiting);
        Assert.Equal(bob, heldForBob);
        Assert.Equal(ann, heldForAnn);
        Assert.Equal((null, second.GetPrimaryKeyString()), ((await queue.GetStatus(ann)).Position, (await queue.GetStatus(ann)).TableId));
        Assert.Equal(new TemplateWaitlistStatus(templateId, null), await queue.GetStatus(bob));
    }

    [Fact]
    public async Task A_seat_freed_while_the_templates_queue_could_not_be_asked_is_offered_from_it_by_the_tables_timer()
    {
        var (templateId, queue) = await NewTemplate(c => c with { PauseBetweenHands = TimeSpan.FromSeconds(60) });
        var table = await RoomTable(templateId, 1);
        var players = await kit.Seat(table, 2);
        var ann = await kit.NewPlayer("Ann");
        await queue.Join(ann, "Ann");

        // The queue's write of the offer fails: the leave is done, the seat stays free, and Ann still waits.
        fixture.Storage.FailNextWrite("template-waitlist", queue);
        await table.Leave(players[0]);
        var unheld = HeldFor(await table.GetSnapshot(null));
        var waiting = await queue.GetStatus(ann);

        // With no other player leaving or coming, the table's timer asks the queue again.
        kit.Time.Advance(TableClock.RetryInterval + TimeSpan.FromSeconds(1));
        var held = HeldFor(await table.GetSnapshot(null));

        Assert.Null(unheld);
        Assert.Equal(new TemplateWaitlistStatus(templateId, 1), waiting);
        Assert.Equal(ann, held);
        Assert.Equal(table.GetPrimaryKeyString(), (await queue.GetStatus(ann)).TableId);
    }

    [Fact]
    public async Task A_new_room_table_pulls_from_the_queue_and_a_players_table_does_not()
    {
        var (templateId, queue) = await NewTemplate();
        var first = await RoomTable(templateId, 1);
        await kit.Seat(first, 2);
        var (banned, ann) = (await kit.NewPlayer("Banned"), await kit.NewPlayer("Ann"));
        await queue.Join(banned, "Banned");
        await queue.Join(ann, "Ann");
        await fixture.Grains.GetGrain<IPlayerGrain>(banned).Ban(ClusterFixture.NewPlayerId(), "bot account");

        var players = fixture.Grains.GetGrain<ITableGrain>(ClusterFixture.NewKey("mine"));
        await players.Create(new TableCreation(templateId, CreatedBy: ann));
        Assert.Null(HeldFor(await players.GetSnapshot(null)));

        // The banned player at the head leaves the queue; Ann is next.
        var opened = await RoomTable(templateId, 2);
        Assert.Equal(ann, HeldFor(await opened.GetSnapshot(null)));
        Assert.Equal(1, (await opened.GetSummary()).SeatsHeld);
        Assert.Equal(new TemplateWaitlistStatus(templateId, null), await queue.GetStatus(banned));
    }

    [Fact]
    public async Task Refusals_change_nothing_and_a_seat_free_now_is_answered_with_its_table()
    {
        var (templateId, queue) = await NewTemplate();
        var first = await RoomTable(templateId, 1);
        var seated = await kit.Seat(first, 1);
        var ann = await kit.NewPlayer("Ann");

        Assert.Equal(new TemplateWaitlistStatus(templateId, null, first.GetPrimaryKeyString()), await queue.Join(ann, "Ann"));
        await Refused("already_seated", () => queue.Join(seated[0], "Seated"));
        await first.Sit(new SeatRequest(await kit.NewPlayer(), "Full", 100));
        await Refused("not_found", () => fixture.Grains.GetGrain<ITemplateWaitlistGrain>(ClusterFixture.NewKey("none")).Join(ann, "Ann"));
        var privateTemplate = ClusterFixture.NewKey("private");
        await fixture.Grains.GetGrain<ITemplateGrain>(privateTemplate).Create(TableKit.Holdem(c => c with { IsPrivate = true }));
        await Refused("not_queueable", () => fixture.Grains.GetGrain<ITemplateWaitlistGrain>(privateTemplate).Join(ann, "Ann"));
        Assert.Equal(new TemplateWaitlistStatus(templateId, null), await queue.GetStatus(ann));

        await queue.Join(ann, "Ann");
        await Refused("already_queued", () => queue.Join(ann, "Ann"));
        Assert.Equal(1, (await queue.GetStatus(ann)).Position);

        // Seated at one of the template's tables by another path (a player's table), Ann leaves the queue.
        var players = fixture.Grains.GetGrain<ITableGrain>(ClusterFixture.NewKey("mine"));
        await players.Create(new TableCreation(templateId, CreatedBy: seated[0]));
        await players.Sit(new SeatRequest(ann, "Ann", 100));
        Assert.Equal(new TemplateWaitlistStatus(templateId, null), await queue.GetStatus(ann));
        Assert.False(await queue.Leave(ann));
    }

    private async Task<(string TemplateId, ITemplateWaitlistGrain Queue)> NewTemplate(Func<TemplateConfig, TemplateConfig>? change = null)
    {
        var templateId = ClusterFixture.NewKey("any");
        await fixture.Grains.GetGrain<ITemplateGrain>(templateId).Create(TableKit.Holdem(c => (change ?? (x => x))(c with { MaxPlayers = 2 })));
        return (templateId, fixture.Grains.GetGrain<ITemplateWaitlistGrain>(templateId));
    }

    private async Task<ITableGrain> RoomTable(string templateId, int number)
    {
        var table = fixture.Grains.GetGrain<ITableGrain>($"{templateId}-{number}");
        await table.Create(new TableCreation(templateId, CreatedBy: 0));
        return table;
    }

    private static long? HeldFor(TableSnapshot snapshot) => snapshot.View.Seats.FirstOrDefault(s => s.HeldFor is not null)?.HeldFor;

    private static async Task Refused(string code, Func<Task> call) => Assert.Equal(code, (await Assert.ThrowsAsync<PokerException>(call)).Code);
}
