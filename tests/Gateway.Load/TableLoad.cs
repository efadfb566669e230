using System.Collections.Concurrent;

namespace Orleans.Poker.Gateway.Load;

/// <summary>
/// One table's deliveries: for every event sequence number, when the action that caused it was sent, how many of the
/// table's viewers got it and when the last one did. Lock-free: viewers on many threads only increment a counter, and
/// the one that completes the count stamps the time.
/// </summary>
internal sealed class TableLoad(string tableId, int viewers)
{
    private readonly ConcurrentDictionary<long, Delivery> deliveries = new();

    public string TableId { get; } = tableId;

    /// <summary>Connections watching this table (every one must receive every event).</summary>
    public int Viewers { get; } = viewers;

    /// <summary>A viewer received event <paramref name="eventSeq"/> at <paramref name="timestamp"/>.</summary>
    public void Received(long eventSeq, long timestamp)
    {
        var delivery = deliveries.GetOrAdd(eventSeq, static _ => new Delivery());
        if (Interlocked.Increment(ref delivery.Count) == Viewers)
        {
            Volatile.Write(ref delivery.CompletedAt, timestamp);
        }
    }

    /// <summary>An action sent at <paramref name="sentAt"/> was accepted as event <paramref name="eventSeq"/>.</summary>
    public void Acted(long eventSeq, long sentAt, long answeredAt)
    {
        var delivery = deliveries.GetOrAdd(eventSeq, static _ => new Delivery());
        delivery.AnsweredAt = answeredAt;
        Volatile.Write(ref delivery.SentAt, sentAt);
    }

    /// <summary>Forgets every delivery: the next window counts its own actions only.</summary>
    public void Clear() => deliveries.Clear();

    /// <summary>Measured actions: (sent, answered, last viewer's receipt or 0 while some viewer still lacks it).</summary>
    public IEnumerable<(long SentAt, long AnsweredAt, long CompletedAt)> Actions() =>
        deliveries.Values.Where(d => Volatile.Read(ref d.SentAt) != 0).Select(d => (d.SentAt, d.AnsweredAt, Volatile.Read(ref d.CompletedAt)));

    private sealed class Delivery
    {
        public int Count;
        public long SentAt;
        public long AnsweredAt;
        public long CompletedAt;
    }
}
