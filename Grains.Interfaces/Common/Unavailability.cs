using Orleans.Runtime.Messaging;

namespace Orleans.Poker.Grains.Interfaces.Common;

/// <summary>
/// A call failed because the cluster or the database behind it did not answer (a silo leaving or killed, the caller's
/// own shutdown, a database restart): nothing about the request was wrong, and it may be tried again. The gateway
/// answers these 503 <c>unavailable</c>; the bot asks the player to try again.
/// </summary>
public static class Unavailability
{
    public static bool Of(Exception exception) =>
        exception is SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException or TimeoutException
        || StoreUnavailableException.IsBehind(exception);
}
