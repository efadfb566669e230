using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Tests.Tables;

public sealed class TableIdsTests
{
    [Theory]
    [InlineData("t-1_A", true)]
    [InlineData("g1002223334", true)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("abc\n", false)] // "$" would match before the line break
    [InlineData("a b", false)]
    [InlineData("../x", false)]
    public void A_table_id_is_letters_digits_dashes_and_underscores_and_nothing_after_them(string? id, bool valid) =>
        Assert.Equal(valid, TableIds.IsValid(id));

    [Fact]
    public void A_table_id_has_at_most_64_characters() =>
        Assert.Equal((true, false), (TableIds.IsValid(new string('a', 64)), TableIds.IsValid(new string('a', 65))));
}
