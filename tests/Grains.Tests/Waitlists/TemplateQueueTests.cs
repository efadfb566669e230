using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Tests.Tables;
using Orleans.Poker.Grains.Waitlists;

namespace Orleans.Poker.Grains.Tests.Waitlists;

/// <summary>The template waitlist's decisions, without a silo.</summary>
public sealed class TemplateQueueTests
{
    private static TableSummary Table(string id, int seated, long createdBy = 0, int held = 0, string template = "a", bool isPrivate = false, TableStatus status = TableStatus.Waiting) => new()
    {
        TableId = id, Name = id, Variant = "NT", TemplateId = template, SeatsTaken = seated, MaxPlayers = 3, CreatedBy = createdBy,
        SeatsHeld = held, IsPrivate = isPrivate, Status = status,
    };

    [Fact]
    public void A_joining_player_is_sent_to_the_fullest_room_table_with_a_seat_nobody_holds()
    {
        Assert.Equal("a-2", TemplateQueue.TableWithSeat("a", [Table("a-1", 1), Table("a-2", 2), Table("a-3", 2)]));

        // A held seat, a player's table, a private or paused table, another template's: none is a seat to send anyone to.
        Assert.Null(TemplateQueue.TableWithSeat("a", [
            Table("a-1", 3), Table("a-2", 2, held: 1), Table("mine", 0, createdBy: 7), Table("secret", 0, isPrivate: true),
            Table("a-3", 0, status: TableStatus.Paused), Table("b-1", 0, template: "b")]));
    }

    [Fact]
    public void Only_active_public_persistent_templates_with_a_waitlist_have_one_for_any_table()
    {
        var holdem = TableKit.Holdem();
        TemplateInfo Info(TemplateConfig config, bool active = true) => new("a", 1, config, active, DateTimeOffset.UnixEpoch, 0);

        Assert.Same(holdem, TemplateQueue.CheckQueueable("a", Info(holdem)));
        Assert.Equal(("not_found", 404), Refusal(() => TemplateQueue.CheckQueueable("a", null)));
        Assert.All(
            new[] { Info(holdem, active: false), Info(holdem with { Type = TableType.SitAndGo }), Info(holdem with { IsPrivate = true }), Info(holdem with { WaitlistEnabled = false }) },
            info => Assert.Equal(("not_queueable", 409), Refusal(() => TemplateQueue.CheckQueueable("a", info))));
    }

    [Fact]
    public void A_player_at_any_table_of_the_template_is_already_seated()
    {
        var open = new[] { Table("a-1", 3), Table("mine", 1, createdBy: 7), Table("b-1", 1, template: "b") };

        TemplateQueue.CheckNotSeated("a", open, ["b-1"]);
        Assert.Equal(("already_seated", 409), Refusal(() => TemplateQueue.CheckNotSeated("a", open, ["mine"])));
    }

    private static (string, int) Refusal(Action call)
    {
        var error = Assert.Throws<PokerException>(call);
        return (error.Code, error.Status);
    }
}
