using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Tables.Model;
using static Orleans.Poker.Grains.Tests.Tables.Model.ModelTables;

namespace Orleans.Poker.Grains.Tests.Tables.Model;

public sealed class TableHygieneTests
{
    private static readonly TimeSpan Idle = TimeSpan.FromMinutes(30);

    [Fact]
    public void A_players_table_is_warned_before_its_idle_close_and_then_closed()
    {
        var state = PlayersTable();

        Assert.Equal(Now + Idle - TableHygiene.WarningBefore, TableClock.Next(state, null, Now));
        var warn = TableClock.DueAt(state, null, Now + Idle - TableHygiene.WarningBefore);
        state.IdleWarned = true;
        var close = TableClock.DueAt(state, null, Now + Idle);

        Assert.True(warn.WarnIdle);
        Assert.False(warn.Idle);
        Assert.Equal(Now + Idle, TableClock.Next(state, null, Now));
        Assert.True(close.Idle);
    }

    [Fact]
    public void A_hand_dealt_or_a_seat_taken_starts_the_idle_time_again()
    {
        var state = PlayersTable();
        state.IdleWarned = true;
        var later = Now.AddMinutes(20);

        Seating.Take(state, Seating.Admit(state, new SeatRequest(9, "Nine", 100)), later);

        Assert.False(state.IdleWarned);
        Assert.Equal(later + Idle, TableHygiene.ClosesAt(state));
        Deal(state);
        Assert.Equal(Now + Idle, TableHygiene.ClosesAt(state));
    }

    [Fact]
    public void The_rooms_own_tables_started_sit_and_gos_and_a_hand_in_play_never_close_for_idleness()
    {
        var rooms = PlayersTable();
        rooms.CreatedBy = 0;
        var sitAndGo = PlayersTable(c => c with { Type = TableType.SitAndGo, StartingStack = 100 });
        var unfilled = PlayersTable(c => c with { Type = TableType.SitAndGo, StartingStack = 100 });
        sitAndGo.SitAndGoStarted = true;
        var playing = PlayersTable();
        var hand = Deal(playing);
        var muchLater = Now + TimeSpan.FromDays(1);

        Assert.Null(TableHygiene.ClosesAt(rooms));
        Assert.Null(TableHygiene.ClosesAt(sitAndGo));
        Assert.Equal(Now + Idle, TableHygiene.ClosesAt(unfilled));
        Assert.False(TableClock.DueAt(playing, hand, muchLater).Idle);
        Assert.True(TableClock.DueAt(playing, null, muchLater).Idle);
    }

    [Fact]
    public void No_table_closes_for_idleness_while_the_room_is_under_maintenance()
    {
        var state = PlayersTable();
        state.Maintenance = true;
        var muchLater = Now + TimeSpan.FromDays(1);

        var due = TableClock.DueAt(state, null, muchLater);

        Assert.False(due.Idle);
        Assert.False(due.WarnIdle);
        Assert.Null(TableHygiene.ClosesAt(state));
    }

    [Fact]
    public void The_warning_comes_at_most_half_the_idle_time_early()
    {
        var state = PlayersTable(c => c with { IdleCloseAfter = TimeSpan.FromMinutes(6) });

        Assert.Equal(Now + TimeSpan.FromMinutes(3), TableHygiene.WarnsAt(state));
    }

    private static Orleans.Poker.Grains.Tables.TableState PlayersTable(Func<TemplateConfig, TemplateConfig>? change = null)
    {
        var config = TableKit.Holdem(c => c with { IdleCloseAfter = Idle });
        var state = With(change is null ? config : change(config), 100, 100);
        state.CreatedBy = 1;
        TableHygiene.Active(state, Now);
        return state;
    }
}
