using Microsoft.Extensions.Time.Testing;

namespace Orleans.Poker.Grains.Tests.Storage;

/// <summary>
/// A <see cref="FakeTimeProvider"/> seen through a clock that tells when the code under test starts waiting on it:
/// every <c>PeriodicTimer</c> and <c>Task.Delay</c> on a <see cref="TimeProvider"/> creates a timer, so a test awaits
/// <see cref="TimerCreated"/> and then advances <see cref="Fake"/> past the wait, instead of advancing a little at a time
/// until the wait happened to have begun.
/// </summary>
public sealed class WatchedClock(FakeTimeProvider fake) : TimeProvider
{
    private readonly Lock gate = new();
    private int created;
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>The clock the test advances.</summary>
    public FakeTimeProvider Fake => fake;

    /// <summary>Timers created so far.</summary>
    public int Created
    {
        get
        {
            lock (gate)
            {
                return created;
            }
        }
    }

    public override DateTimeOffset GetUtcNow() => fake.GetUtcNow();

    public override long GetTimestamp() => fake.GetTimestamp();

    public override long TimestampFrequency => fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => fake.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = fake.CreateTimer(callback, state, dueTime, period);
        lock (gate)
        {
            created++;
            var previous = changed;
            changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            previous.TrySetResult();
        }

        return timer;
    }

    /// <summary>Waits until more than <paramref name="after"/> timers were created (fails after 10 s); returns how many were.</summary>
    public async Task<int> TimerCreated(int after)
    {
        var limit = Task.Delay(TimeSpan.FromSeconds(10));
        while (true)
        {
            Task signal;
            lock (gate)
            {
                if (created > after)
                {
                    return created;
                }

                signal = changed.Task;
            }

            if (await Task.WhenAny(signal, limit) == limit)
            {
                throw new Xunit.Sdk.XunitException($"No timer was created after the first {after}");
            }
        }
    }
}
