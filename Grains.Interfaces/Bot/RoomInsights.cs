using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Interfaces.Bot;

/// <summary>
/// The room right now (<see cref="Tables"/>, by status, seated and waitlisted players) and over the last hour before
/// <see cref="At"/> (hands finished, chips in their pots, rake, distinct players, the busiest table).
/// </summary>
[GenerateSerializer, Immutable, Alias("poker.room-insights.v1")]
public sealed record RoomInsights
{
    [Id(0)] public DateTimeOffset At { get; init; }

    /// <summary>Listed tables that have not ended, ordered by name.</summary>
    [Id(1)] public IReadOnlyList<TableSummary> Tables { get; init; } = [];

    [Id(2)] public int Active { get; init; }

    [Id(3)] public int Paused { get; init; }

    [Id(4)] public int Waiting { get; init; }

    [Id(5)] public int PlayersSeated { get; init; }

    [Id(6)] public int Waitlisted { get; init; }

    [Id(7)] public int HandsLastHour { get; init; }

    [Id(8)] public long PotsLastHour { get; init; }

    [Id(9)] public long RakeLastHour { get; init; }

    [Id(10)] public int PlayersLastHour { get; init; }

    [Id(11)] public string? BusiestTableId { get; init; }

    [Id(12)] public int BusiestTableHands { get; init; }
}
