using Orleans.Concurrency;
using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Analytics;

/// <summary>Players' pages, leaderboards and the tables' recent activity, read from the hand-history store.</summary>
[StatelessWorker]
public sealed class PlayerResultsGrain(IHandHistoryStore histories, IPlayerStore players, TimeProvider time) : Grain, IPlayerResultsGrain
{
    public const int MaxTake = 100;

    /// <summary>The lobby asks for the activity of every table on each visit: one query per activation and 30 s is plenty.</summary>
    private static readonly TimeSpan ActivityFreshFor = TimeSpan.FromSeconds(30);

    private (DateTimeOffset At, IReadOnlyList<TableActivity> Tables)? _activity;

    public async Task<PlayerResults> Player(long playerId) =>
        PlayerResultsCalculator.Compute(playerId, await histories.GetPlayerResultsAsync(playerId));

    public async Task<Leaderboard> Leaderboard(LeaderboardPeriod period, LeaderboardOrder by, int take, long playerId)
    {
        if (take is < 1 or > MaxTake)
        {
            throw new PokerException("invalid_input", $"take must be between 1 and {MaxTake}", 400);
        }

        var from = LeaderboardPeriods.Start(period, time.GetUtcNow());
        var (top, ranked, own) = await histories.GetLeaderboardAsync(from, by, take, playerId);
        var named = await Task.WhenAll(top.Select(Named));
        return new Leaderboard(period, by, from, named, ranked, own is null ? null : await Named(own));
    }

    public async Task<IReadOnlyList<TableActivity>> TableActivity()
    {
        var now = time.GetUtcNow();
        if (_activity is not { } cached || now - cached.At >= ActivityFreshFor)
        {
            cached = (now, await histories.GetTableActivityAsync(now.AddHours(-1)));
            _activity = cached;
        }

        return cached.Tables;
    }

    private async Task<LeaderboardEntry> Named(LeaderboardEntry entry) =>
        entry with { DisplayName = (await players.FindAsync(entry.PlayerId))?.DisplayName };
}
