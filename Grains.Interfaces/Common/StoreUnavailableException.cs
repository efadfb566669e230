namespace Orleans.Poker.Grains.Interfaces.Common;

/// <summary>
/// The database behind a grain failed (unreachable, timed out, refused the statement). Unlike a
/// <see cref="PokerException"/> it says nothing about the request: the call may be retried, and a chip move it
/// interrupted stays pending until it is confirmed. The gateway answers 503. The original error is logged by the silo.
/// </summary>
[GenerateSerializer, Alias("poker.store-unavailable.v1")]
public sealed class StoreUnavailableException : Exception
{
    public StoreUnavailableException()
        : this("The game's storage is not reachable right now; try again shortly")
    {
    }

    public StoreUnavailableException(string message)
        : base(message)
    {
    }

    public StoreUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>
    /// True when <paramref name="exception"/> is this failure or wraps it (Orleans wraps a storage failure while a
    /// grain activates in its own exception).
    /// </summary>
    public static bool IsBehind(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is StoreUnavailableException)
            {
                return true;
            }
        }

        return false;
    }
}
