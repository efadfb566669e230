using Microsoft.Extensions.DependencyInjection;
using Orleans.Poker.Engine.Phh;
using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.BotFrontend.Tests;

[Collection(BotCollection.Name)]
public sealed class StatsTests(BotFixture bot)
{
    [Fact]
    public async Task Stats_shows_the_stored_hands_net_biggest_pot_and_the_players_ranks()
    {
        var (user, rival) = (BotFixture.NewUserId(), BotFixture.NewUserId());
        await bot.Say(user, "/start");
        await bot.Say(rival, "/start");
        var table = (await bot.NewTable()).GetPrimaryKeyString();
        await StoreHand(table, 1, [user, rival], [500, 500], [740, 260], pot: 480);
        await StoreHand(table, 2, [rival, user], [300, 700], [340, 660], pot: 80);
        var board = await bot.Grains.GetGrain<IPlayerResultsGrain>(0).Leaderboard(LeaderboardPeriod.All, LeaderboardOrder.Profit, 1, user);

        var stats = await bot.Say(user, "/stats");

        Assert.Contains("Hands played: 2\nHands won: 1\nNet: 200\nBiggest pot won: 480", stats.Text, StringComparison.Ordinal);
        Assert.Contains($"Rank by profit: #{board.Own!.Rank} of {board.Ranked} all time, #", stats.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stats_of_a_Persian_player_without_hands_says_so_in_Persian()
    {
        var user = BotFixture.NewUserId();

        var stats = await bot.Say(user, "/stats", language: "fa");

        Assert.Contains("دست‌های بازی‌شده: 0", stats.Text, StringComparison.Ordinal);
        Assert.Contains("رتبه بر پایهٔ سود: — در کل، — در این هفته", stats.Text, StringComparison.Ordinal);
    }

    private Task StoreHand(string table, long number, long[] players, long[] starting, long[] finishing, long pot)
    {
        var phh = new PhhDocument
        {
            Variant = "NT",
            Antes = [0, 0],
            BlindsOrStraddles = [1, 2],
            MinBet = 2,
            StartingStacks = [.. starting],
            FinishingStacks = [.. finishing],
        }.ToToml();
        var end = bot.Time.GetUtcNow();
        var hands = bot.Cluster.Silos[0].ServiceProvider.GetRequiredService<IHandHistoryStore>();
        return hands.SaveAsync(new HandRecord(table, number, "NT", end.AddSeconds(-30), end, players, pot, 0, phh));
    }
}
