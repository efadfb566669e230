namespace Orleans.Poker.Grains.Interfaces.Hands;

/// <summary>Read access to stored hand histories for processes without the store (the gateway). Stateless worker, key 0.</summary>
[Alias("poker.hand-archive")]
public interface IHandArchiveGrain : IGrainWithIntegerKey
{
    /// <summary>Hands the player was dealt into, newest first (without the PHH text).</summary>
    [Alias("GetPlayerHands")]
    Task<IReadOnlyList<HandSummary>> GetPlayerHands(long playerId, int skip, int take);

    /// <summary>One hand with its PHH text, or null.</summary>
    [Alias("GetHand")]
    Task<HandSummary?> GetHand(string tableId, long handNo);
}
