namespace Orleans.Poker.BotFrontend.Tests;

/// <summary>A chat player the table stood up after sitting out too long is told why, in their language.</summary>
[Collection(BotCollection.Name)]
public sealed class StandUpTests(BotFixture bot)
{
    [Fact]
    public async Task A_chat_player_stood_up_after_sitting_out_too_long_is_told_why()
    {
        var table = await bot.NewTable("Stand up table");
        var (a, b) = await bot.JoinTwo(table);
        await table.SitOut(a);
        await bot.Outbox.Idle(a);
        var start = bot.Api.LastIndex;

        bot.Time.Advance(TimeSpan.FromMinutes(10));
        var notice = await bot.Api.WaitFor(r => r.ChatId == a && r.Text.StartsWith("You sat out too long at Stand up table", StringComparison.Ordinal), start);

        Assert.Contains("chips are back in your balance", notice.Text, StringComparison.Ordinal);
        Assert.DoesNotContain((await table.GetSnapshot(null)).View.Seats, s => s.PlayerId == a);
        Assert.Contains((await table.GetSnapshot(null)).View.Seats, s => s.PlayerId == b);
        Assert.DoesNotContain(bot.Api.To(b), r => r.Index > start && r.Text.StartsWith("You sat out too long", StringComparison.Ordinal));
        await table.Close("test over");
    }
}
