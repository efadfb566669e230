namespace Orleans.Poker.BotFrontend.Sending;

/// <summary>
/// A token bucket for Telegram's flood limits: up to <c>burst</c> sends at once, then one per <c>interval</c>.
/// <see cref="Reserve"/> books the next send and says how long to wait for it, so concurrent senders queue in order;
/// a single sender can instead look first (<see cref="Until"/>) and <see cref="Take"/> when it goes.
/// </summary>
internal sealed class Pace(int burst, TimeSpan interval, TimeProvider time)
{
    private readonly Lock gate = new();
    private double tokens = burst;
    private long refilledAt = time.GetTimestamp();

    /// <summary>Books one send; the wait before it may go (zero when the bucket had a token).</summary>
    public TimeSpan Reserve()
    {
        lock (gate)
        {
            Refill();
            tokens -= 1;
            return tokens >= 0 ? TimeSpan.Zero : interval * -tokens;
        }
    }

    /// <summary>How long until the bucket holds <paramref name="needed"/> tokens (zero: now).</summary>
    public TimeSpan Until(double needed)
    {
        lock (gate)
        {
            Refill();
            return tokens >= needed ? TimeSpan.Zero : interval * (needed - tokens);
        }
    }

    /// <summary>Takes a token for a send that goes now.</summary>
    public void Take()
    {
        lock (gate)
        {
            Refill();
            tokens -= 1;
        }
    }

    /// <summary>True when a burst could go now (nothing booked, the bucket refilled).</summary>
    public bool IsFull
    {
        get
        {
            lock (gate)
            {
                return tokens + (time.GetElapsedTime(refilledAt) / interval) >= burst;
            }
        }
    }

    /// <summary>
    /// Telegram said <c>retry_after</c> = <paramref name="wait"/>: the next send goes after it and the ones behind it
    /// at the steady pace, without a burst.
    /// </summary>
    public void Hold(TimeSpan wait)
    {
        lock (gate)
        {
            Refill();
            tokens = Math.Min(tokens, 1 - (wait / interval));
        }
    }

    private void Refill()
    {
        var now = time.GetTimestamp();
        tokens = Math.Min(burst, tokens + (time.GetElapsedTime(refilledAt, now) / interval));
        refilledAt = now;
    }
}
