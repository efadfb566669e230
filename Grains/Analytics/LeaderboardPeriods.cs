using Orleans.Poker.Grains.Interfaces.Analytics;

namespace Orleans.Poker.Grains.Analytics;

/// <summary>Where a leaderboard's period starts: today 00:00 UTC, this week's Monday 00:00 UTC, or never (all time).</summary>
public static class LeaderboardPeriods
{
    public static DateTimeOffset? Start(LeaderboardPeriod period, DateTimeOffset now)
    {
        var today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        return period switch
        {
            LeaderboardPeriod.Day => today,
            LeaderboardPeriod.Week => today.AddDays(-(((int)today.DayOfWeek + 6) % 7)),
            LeaderboardPeriod.All => null,
            _ => throw new ArgumentOutOfRangeException(nameof(period), period, "unknown period"),
        };
    }
}
