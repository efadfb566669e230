namespace Orleans.Poker.Grains.Interfaces.Hands;

/// <summary>Read access to stored hand histories for processes without the store (the gateway). Stateless worker, key 0.</summary>
public interface IHandArchiveGrain : IGrainWithIntegerKey
{
    /// <summary>Hands the player was dealt into, newest first (without the PHH text).</summary>
    Task<IReadOnlyList<HandSummary>> GetPlayerHands(long playerId, int skip, int take);

    /// <summary>One hand with its PHH text, or null.</summary>
    Task<HandSummary?> GetHand(string tableId, long handNo);
}
