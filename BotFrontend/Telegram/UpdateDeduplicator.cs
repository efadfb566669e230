namespace Orleans.Poker.BotFrontend.Telegram;

/// <summary>
/// Remembers the last <see cref="Capacity"/> update ids so a redelivered update is processed once. Bounded memory:
/// the oldest ids are forgotten first (Telegram redelivers within minutes, not after thousands of updates).
/// </summary>
internal sealed class UpdateDeduplicator
{
    public const int Capacity = 20_000;

    private readonly HashSet<int> seen = [];
    private readonly Queue<int> order = new();
    private readonly Lock gate = new();

    /// <summary>True the first time an id is seen; false for a duplicate.</summary>
    public bool TryBegin(int updateId)
    {
        lock (gate)
        {
            if (!seen.Add(updateId))
            {
                return false;
            }

            order.Enqueue(updateId);
            if (order.Count > Capacity)
            {
                seen.Remove(order.Dequeue());
            }

            return true;
        }
    }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return seen.Count;
            }
        }
    }
}
