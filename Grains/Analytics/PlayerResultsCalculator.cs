using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Analytics;

/// <summary>A player's page from the player's rows of <c>hand_players</c>: the same figures for the mini-app and the bot.</summary>
public static class PlayerResultsCalculator
{
    /// <summary>A gap longer than this between two hands at a table starts a new session.</summary>
    public static readonly TimeSpan SessionGap = TimeSpan.FromMinutes(30);

    /// <summary>Up to this many hands the profit curve has a point per hand; beyond, a point per UTC day.</summary>
    public const int PointsPerHandUpTo = 500;

    public const int SessionsShown = 20;

    public const int BiggestPotsShown = 5;

    /// <summary>The figures of <paramref name="results"/>, one player's rows oldest first.</summary>
    public static PlayerResults Compute(long playerId, IReadOnlyList<HandPlayerResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        return new PlayerResults(
            playerId,
            results.Count,
            results.Count(r => r.Net > 0),
            results.Sum(r => r.Net),
            Profit(results),
            Sessions(results),
            results.Where(r => r.Net > 0)
                .OrderByDescending(r => r.Pot).ThenByDescending(r => r.EndedAt)
                .Take(BiggestPotsShown)
                .Select(r => new BigPot(r.TableId, r.HandNumber, r.Variant, r.EndedAt, r.Pot, r.Net))
                .ToList(),
            results.GroupBy(r => r.Variant)
                .Select(g => new VariantResult(g.Key, g.Count(), g.Count(r => r.Net > 0), g.Sum(r => r.Net)))
                .OrderByDescending(v => v.Hands).ThenBy(v => v.Variant, StringComparer.Ordinal)
                .ToList());
    }

    private static List<ProfitPoint> Profit(IReadOnlyList<HandPlayerResult> results)
    {
        var points = new List<ProfitPoint>(Math.Min(results.Count, PointsPerHandUpTo));
        long cumulative = 0;
        for (var i = 0; i < results.Count; i++)
        {
            cumulative += results[i].Net;
            var lastOfDay = i == results.Count - 1 || results[i + 1].EndedAt.UtcDateTime.Date != results[i].EndedAt.UtcDateTime.Date;
            if (results.Count <= PointsPerHandUpTo || lastOfDay)
            {
                points.Add(new ProfitPoint(results[i].EndedAt, i + 1, cumulative));
            }
        }

        return points;
    }

    /// <summary>
    /// The latest <see cref="SessionsShown"/> sessions, newest first: per table, hands no more than
    /// <see cref="SessionGap"/> apart (play at two tables at once makes two sessions).
    /// </summary>
    private static List<PlaySession> Sessions(IReadOnlyList<HandPlayerResult> results)
    {
        var sessions = new List<PlaySession>();
        foreach (var table in results.GroupBy(r => r.TableId))
        {
            var run = new List<HandPlayerResult>();
            foreach (var r in table)
            {
                if (run.Count > 0 && r.EndedAt - run[^1].EndedAt > SessionGap)
                {
                    sessions.Add(Session(run));
                    run.Clear();
                }

                run.Add(r);
            }

            sessions.Add(Session(run));
        }

        return sessions.OrderByDescending(s => s.EndedAt).ThenBy(s => s.TableId, StringComparer.Ordinal).Take(SessionsShown).ToList();
    }

    private static PlaySession Session(List<HandPlayerResult> run) =>
        new(run[0].TableId, run[0].Variant, run[0].EndedAt, run[^1].EndedAt, run.Count, run.Sum(r => r.Net));
}
