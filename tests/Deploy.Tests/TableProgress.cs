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

    /// <summary>The longest time between two advances of the stream (or a window edge) inside the window.</summary>
    public TimeSpan LongestGap(long from, long to)
    {
        lock (gate)
        {
            var points = advances.Where(at => at > from && at < to).Prepend(from).Append(to).ToList();
            return points.Zip(points.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a, b)).Max();
        }
    }
}
