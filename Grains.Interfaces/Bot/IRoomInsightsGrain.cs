namespace Orleans.Poker.Grains.Interfaces.Bot;

/// <summary>Live figures of the room for admins (stateless worker, key 0): tables, seated players, recent hands.</summary>
[Alias("poker.room-insights")]
public interface IRoomInsightsGrain : IGrainWithIntegerKey
{
    /// <summary>The listed tables (not ended) with their status, and the figures of the last hour.</summary>
    [Alias("Get")]
    Task<RoomInsights> Get();
}
