namespace Orleans.Poker.BotFrontend.Telegram;

/// <summary>
/// Remembers the last <see cref="Capacity"/> update ids this process saw, so a redelivery to the same process is
/// dropped without a call to the cluster (the bot's update grain is the authority across processes). Bounded memory:
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

    /// <summary>Forgets <paramref name="updateId"/> (its claim failed elsewhere): a redelivery is new again.</summary>
    public void Forget(int updateId)
    {
        lock (gate)
        {
            seen.Remove(updateId);
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
