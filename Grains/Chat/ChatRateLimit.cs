using Orleans.Poker.Grains.Interfaces.Common;

namespace Orleans.Poker.Grains.Chat;

/// <summary>
/// A sliding window per player: at most <see cref="ChatRules.RateLimit"/> messages within <see cref="ChatRules.RateWindow"/>.
/// In memory only: a table whose chat deactivates starts every window afresh, which costs at most one burst.
/// </summary>
public sealed class ChatRateLimit
{
    private readonly Dictionary<long, Queue<DateTimeOffset>> sent = [];

    /// <summary>Counts a message of <paramref name="playerId"/> at <paramref name="now"/>, or throws <c>chat_rate_limited</c> (429) with the seconds to wait.</summary>
    public void Admit(long playerId, DateTimeOffset now)
    {
        if (!sent.TryGetValue(playerId, out var times))
        {
            sent[playerId] = times = new Queue<DateTimeOffset>(ChatRules.RateLimit);
        }

        while (times.Count > 0 && now - times.Peek() >= ChatRules.RateWindow)
        {
            times.Dequeue();
        }

        if (times.Count >= ChatRules.RateLimit)
        {
            var wait = (int)Math.Ceiling((times.Peek() + ChatRules.RateWindow - now).TotalSeconds);
            throw new PokerException(
                "chat_rate_limited", $"At most {ChatRules.RateLimit} messages per {ChatRules.RateWindow.TotalSeconds:0} s: try again in {Math.Max(1, wait)} s", 429)
            {
                RetryAfterSeconds = Math.Max(1, wait),
            };
        }

        times.Enqueue(now);
        Forget(now);
    }

    // Players whose window has passed take no room.
    private void Forget(DateTimeOffset now)
    {
        if (sent.Count <= 64)
        {
            return;
        }

        foreach (var (playerId, times) in sent.Where(p => p.Value.Count == 0 || now - p.Value.Last() >= ChatRules.RateWindow).ToList())
        {
            sent.Remove(playerId);
        }
    }
}
