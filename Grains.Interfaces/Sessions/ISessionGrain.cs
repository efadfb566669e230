namespace Orleans.Poker.Grains.Interfaces.Sessions;

/// <summary>
/// One refresh-token session, keyed by the SHA-256 (hex) of the refresh token so the token itself is never stored.
/// A token is redeemed once: refreshing rotates it (the old session is revoked) and logout revokes it.
/// </summary>
[Alias("poker.session")]
public interface ISessionGrain : IGrainWithStringKey
{
    /// <summary>Starts the session; throws <c>session_exists</c> if this key was used before.</summary>
    [Alias("Start")]
    Task Start(SessionInfo session);

    /// <summary>Revokes the session and returns it if it was live (not revoked, not expired); else null.</summary>
    [Alias("Redeem")]
    Task<SessionInfo?> Redeem();

    /// <summary>Revokes the session (idempotent).</summary>
    [Alias("Revoke")]
    Task Revoke();
}
