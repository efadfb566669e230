using System.Diagnostics;

namespace Orleans.Poker.TestSupport;

/// <summary>
/// A bounded wait for a condition that no event in the test's process announces: a row another process writes, a
/// lease another process takes at its next timer tick, figures a server samples on its own schedule. It checks every
/// <c>interval</c> until the condition holds and fails after <c>timeout</c>. Where the awaited thing does raise an
/// event here (a table's <see cref="RecordingObserver"/>, <see cref="FakeBotApi.WaitFor"/>, a task), await that instead.
/// </summary>
public static class BoundedWait
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Reads until <paramref name="done"/> accepts the value read, which it returns; fails after <paramref name="timeout"/> (10 s unless given) naming <paramref name="what"/> and the last value.</summary>
    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? timeout = null, TimeSpan? interval = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (clock.Elapsed >= limit)
            {
                throw new Xunit.Sdk.XunitException($"No {what} within {limit}: still {value}");
            }

            await Task.Delay(interval ?? DefaultInterval);
        }
    }

    /// <summary>Waits until <paramref name="done"/> holds; fails after <paramref name="timeout"/> (10 s unless given) naming <paramref name="what"/>.</summary>
    public static Task Until(Func<Task<bool>> done, string what, TimeSpan? timeout = null, TimeSpan? interval = null) =>
        Until(done, holds => holds, what, timeout, interval);

    /// <summary>Waits until <paramref name="done"/> holds; fails after <paramref name="timeout"/> (10 s unless given) naming <paramref name="what"/>.</summary>
    public static Task Until(Func<bool> done, string what, TimeSpan? timeout = null, TimeSpan? interval = null) =>
        Until(() => Task.FromResult(done()), holds => holds, what, timeout, interval);
}
