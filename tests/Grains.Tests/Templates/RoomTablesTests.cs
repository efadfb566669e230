using Orleans.Poker.Grains.Interfaces.Lobby;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Templates;
using Orleans.Poker.Grains.Tests.Tables;

namespace Orleans.Poker.Grains.Tests.Templates;

/// <summary>Always a seat open: the room opens a table when all of a template's are full and closes surplus empty ones.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RoomTablesTests(ClusterFixture fixture)
{
    private readonly TableKit kit = new(fixture.Client, fixture.Time);

    private static TemplateInfo Template(string id, int min = 1, int max = 3, bool active = true, TableType type = TableType.Persistent) =>
        new(id, 1, TableKit.Holdem(c => c with { MinTablesWithFreeSeat = min, MaxRoomTables = max, MaxPlayers = 2, Type = type }), active, DateTimeOffset.UnixEpoch, 0);

    private static TableSummary Table(string id, string template, int seated, long createdBy = 0, int waiting = 0, int held = 0) => new()
    {
        TableId = id, Name = id, Variant = "NT", TemplateId = template, SeatsTaken = seated, MaxPlayers = 2, CreatedBy = createdBy, WaitlistLength = waiting, SeatsHeld = held,
    };

    [Fact]
    public void A_template_whose_room_tables_are_all_full_gets_another_up_to_its_maximum()
    {
        Assert.Equal(1, Assert.Single(RoomTables.Decide([Template("a")], [Table("a-1", "a", 2)])).Open);
        Assert.Empty(RoomTables.Decide([Template("a", max: 2)], [Table("a-1", "a", 2), Table("a-2", "a", 2)]));
        Assert.Empty(RoomTables.Decide([Template("a")], [Table("a-1", "a", 1)]));
    }

    [Fact]
    public void Players_tables_inactive_templates_and_other_types_are_left_alone()
    {
        // A player's own table of the template, full or empty, neither counts nor closes.
        Assert.Equal(1, Assert.Single(RoomTables.Decide([Template("a")], [Table("a-1", "a", 2), Table("mine", "a", 0, createdBy: 7)])).Open);
        Assert.Empty(RoomTables.Decide([Template("a", active: false)], [Table("a-1", "a", 2)]));
        Assert.Empty(RoomTables.Decide([Template("a", min: 0)], [Table("a-1", "a", 2)]));
        Assert.Empty(RoomTables.Decide([Template("a", type: TableType.SitAndGo)], [Table("a-1", "a", 2)]));
    }

    [Fact]
    public void Empty_room_tables_beyond_the_minimum_close_newest_first_but_never_the_last_one_or_one_with_a_queue_or_a_held_seat()
    {
        var plan = Assert.Single(RoomTables.Decide([Template("a")], [Table("a-1", "a", 1), Table("a-2", "a", 0), Table("a-3", "a", 0)]));
        Assert.Equal(0, plan.Open);
        Assert.Equal(["a-3", "a-2"], plan.Close);
        Assert.Empty(RoomTables.Decide([Template("a")], [Table("a-1", "a", 0)]));
        Assert.Empty(RoomTables.Decide([Template("a")], [Table("a-1", "a", 1), Table("a-2", "a", 0, waiting: 1)]));
        // A seat held for a player from the template's queue: that player was taken off the queue for it.
        Assert.Empty(RoomTables.Decide([Template("a")], [Table("a-1", "a", 1), Table("a-2", "a", 0, held: 1)]));
    }

    [Fact]
    public async Task Filling_the_only_table_opens_a_second_and_a_leaving_player_closes_it_again()
    {
        var templateId = $"rt-{Guid.NewGuid():N}";
        await fixture.Client.GetGrain<ITemplateGrain>(templateId).Create(Template(templateId).Config);
        var first = fixture.Client.GetGrain<ITableGrain>($"{templateId}-1");
        await first.Create(new TableCreation(templateId, CreatedBy: 0));

        var players = await kit.Seat(first, 2);
        var opened = await BoundedWait.Until(() => RoomTablesOf(templateId), t => t.Count == 2, "second room table");
        await first.Leave(players[1]);
        var after = await BoundedWait.Until(() => RoomTablesOf(templateId), t => t.Count == 1, "surplus table closed");

        Assert.Equal([$"{templateId}-1", $"{templateId}-2"], opened.Select(t => t.TableId).Order(StringComparer.Ordinal));
        Assert.Equal(0, opened.Single(t => t.TableId == $"{templateId}-2").CreatedBy);
        Assert.Equal($"{templateId}-1", Assert.Single(after).TableId);
        Assert.Equal(TableStatus.Ended, (await fixture.Client.GetGrain<ITableGrain>($"{templateId}-2").GetSummary()).Status);
    }

    private async Task<List<TableSummary>> RoomTablesOf(string templateId) =>
        [.. (await ILobbyGrain.ListAll(fixture.Client)).Where(t => t.TemplateId == templateId)];
}
