using System.Diagnostics;

namespace Orleans.Poker.Deploy.Tests;

/// <summary>
/// What the players of one table saw of it, together: each time the newest event sequence number any of them had
/// seen (from <c>event</c>s, hub snapshots or REST views) went up, and when each hand number was first seen. The
/// longest time the table's event stream stood still, as its players saw it, comes from these.
/// </summary>
public sealed class TableProgress(string tableId)
{
    private readonly Lock gate = new();
    private readonly List<long> advances = [];
    private readonly Dictionary<long, long> handsFirstSeen = [];
    private long newest = -1;

    public string TableId => tableId;

    public void Saw(long eventSeq, long handNo)
    {
        var now = Stopwatch.GetTimestamp();
        lock (gate)
        {
            if (eventSeq > newest)
            {
                newest = eventSeq;
                advances.Add(now);
            }

            if (handNo > 0)
            {
                handsFirstSeen.TryAdd(handNo, now);
            }
        }
    }

    /// <summary>The highest hand number any player saw started.</summary>
    public long LastHand
    {
        get
        {
            lock (gate)
            {
                return handsFirstSeen.Count == 0 ? 0 : handsFirstSeen.Keys.Max();
            }
        }
    }

    /// <summary>Hands first seen between two <see cref="Stopwatch"/> timestamps.</summary>
    public int HandsStarted(long from, long to)
    {
        lock (gate)
        {
            return handsFirstSeen.Values.Count(at => at >= from && at <= to);
        }
    }

    /// <summary>
    /// The longest time between two advances of the stream (or a window edge) inside the window, and when it began and
    /// ended (UTC, to set beside the deploy tool's timestamped lines).
    /// </summary>
    public Gap LongestGap(long from, long to)
    {
        lock (gate)
        {
            var points = advances.Where(at => at > from && at < to).Prepend(from).Append(to).ToList();
            var (start, end) = points.Zip(points.Skip(1)).MaxBy(p => p.Second - p.First);
            DateTimeOffset At(long stamp) => DateTimeOffset.UtcNow - Stopwatch.GetElapsedTime(stamp);
            return new Gap(tableId, Stopwatch.GetElapsedTime(start, end), At(start), At(end));
        }
    }
}

/// <summary>A standstill of one table's events.</summary>
public sealed record Gap(string TableId, TimeSpan Length, DateTimeOffset From, DateTimeOffset To)
{
    public override string ToString() => $"{Length.TotalMilliseconds:F0} ms (table {TableId}, {From:HH:mm:ss.fff} to {To:HH:mm:ss.fff} UTC)";
}
