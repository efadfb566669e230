using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Analytics;

/// <summary>
/// The waits and seat times of history rows (the memory store's query; PostgreSQL computes the same in SQL): waits
/// that began and seats taken in the range, per table and for all of them.
/// </summary>
public static class WaitStatsCalculator
{
    public static WaitReport Compute(IEnumerable<SeatHistoryRow> seats, IEnumerable<WaitlistHistoryRow> waits, DateTimeOffset from, DateTimeOffset to, string? tableId)
    {
        bool Wanted(string table, DateTimeOffset at) => at >= from && at < to && (tableId is null || table == tableId);
        var seatRows = seats.Where(s => Wanted(s.TableId, s.SatAt)).ToList();
        var waitRows = waits.Where(w => Wanted(w.TableId, w.JoinedAt)).ToList();
        var tables = seatRows.Select(s => s.TableId).Concat(waitRows.Select(w => w.TableId)).Distinct().Order(StringComparer.Ordinal)
            .Select(t => Stats(t, seatRows.Where(s => s.TableId == t), waitRows.Where(w => w.TableId == t)))
            .ToList();
        return new WaitReport(from, to, tables, Stats(null, seatRows, waitRows));
    }

    /// <summary>The value below which <paramref name="fraction"/> of the sorted values lie, interpolated between the two nearest (PostgreSQL's <c>percentile_cont</c>).</summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double fraction)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var position = fraction * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = (int)Math.Ceiling(position);
        return sorted[below] + ((sorted[above] - sorted[below]) * (position - below));
    }

    private static WaitStats Stats(string? tableId, IEnumerable<SeatHistoryRow> seats, IEnumerable<WaitlistHistoryRow> waits)
    {
        var waitList = waits.ToList();
        var seatList = seats.ToList();
        int Count(WaitlistOutcome outcome) => waitList.Count(w => w.Outcome == outcome);
        var seated = waitList.Where(w => w.Outcome == WaitlistOutcome.Seated).Select(w => (w.LeftAt!.Value - w.JoinedAt).TotalSeconds).Order().ToList();
        var sat = seatList.Where(s => s.LeftAt is not null).Select(s => (s.LeftAt!.Value - s.SatAt).TotalSeconds).ToList();
        return new WaitStats(
            tableId, waitList.Count, seated.Count, Count(WaitlistOutcome.Left), Count(WaitlistOutcome.OfferExpired), waitList.Count(w => w.LeftAt is null),
            seated.Count == 0 ? null : seated.Average(), Percentile(seated, 0.5), Percentile(seated, 0.9),
            seatList.Count, sat.Count == 0 ? null : sat.Average());
    }
}
