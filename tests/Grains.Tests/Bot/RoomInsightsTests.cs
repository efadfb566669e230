using Orleans.Poker.Grains.Bot;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Tests.Bot;

public sealed class RoomInsightsTests
{
    [Fact]
    public void A_room_whose_tables_dealt_no_hand_in_the_hour_has_no_busiest_table()
    {
        var tables = new[] { Table("t1"), Table("t2") };

        Assert.Equal((null, 0), RoomInsightsGrain.Busiest(tables, [0, 0]));
        Assert.Equal((null, 0), RoomInsightsGrain.Busiest([], []));
    }

    [Fact]
    public void The_busiest_table_dealt_the_most_hands()
    {
        var tables = new[] { Table("t1"), Table("t2"), Table("t3") };

        var (table, hands) = RoomInsightsGrain.Busiest(tables, [3, 7, 0]);

        Assert.Equal("t2", table?.TableId);
        Assert.Equal(7, hands);
    }

    private static TableSummary Table(string id) => new() { TableId = id, Name = id, TemplateId = "nlhe", Variant = "NT" };
}
