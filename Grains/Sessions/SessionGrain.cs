using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Sessions;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Sessions;

/// <summary>A refresh-token session; redeeming revokes it so a stolen, already-used token is worthless.</summary>
public sealed class SessionGrain(
    [PersistentState("session", PokerStorage.Name)] IPersistentState<SessionState> store,
    TimeProvider time) : Grain, ISessionGrain
{
    public async Task Start(SessionInfo session)
    {
        if (store.State.Session is not null)
        {
            throw PokerException.Conflict("session_exists", "This session exists already");
        }

        store.State.Session = session;
        store.State.Revoked = false;
        await store.WriteOrDeactivate(this);
    }

    public async Task<SessionInfo?> Redeem()
    {
        var session = store.State.Session;
        if (session is null || store.State.Revoked)
        {
            return null;
        }

        store.State.Revoked = true;
        await store.WriteOrDeactivate(this);
        return session.ExpiresAt > time.GetUtcNow() ? session : null;
    }

    public async Task Revoke()
    {
        if (store.State.Session is null || store.State.Revoked)
        {
            return;
        }

        store.State.Revoked = true;
        await store.WriteOrDeactivate(this);
    }
}
