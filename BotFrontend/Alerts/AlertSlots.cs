using Orleans.Poker.ServiceDefaults.Configuration;

namespace Orleans.Poker.BotFrontend.Alerts;

/// <summary>
/// The alert chats' budget: at most <see cref="BotSettings.AlertMessagesPerMinute"/> messages in any minute, Alertmanager's
/// notifications and the room's insights together.
/// </summary>
internal sealed class AlertSlots(PokerOptions options, TimeProvider time)
{
    private readonly Lock gate = new();
    private readonly Queue<DateTimeOffset> sent = new();

    /// <summary>Takes a slot for one message; false when the minute's budget is spent.</summary>
    public bool TryTake()
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            while (sent.TryPeek(out var oldest) && now - oldest >= TimeSpan.FromMinutes(1))
            {
                sent.Dequeue();
            }

            if (sent.Count >= Math.Max(1, options.Bot.AlertMessagesPerMinute))
            {
                return false;
            }

            sent.Enqueue(now);
            return true;
        }
    }
}
