using Orleans.Poker.Grains.Interfaces.Analytics;

namespace Orleans.Poker.Grains.Storage;

/// <summary>Hourly statistics (<c>table_stats_hourly</c>) computed from the stored hands, and the tables' snapshots (<c>analytics_snapshots</c>).</summary>
public interface IAnalyticsStore
{
    /// <summary>
    /// Recomputes the rows of every table for the whole hours from <paramref name="from"/> to <paramref name="to"/>
    /// (both on an hour boundary) from the stored hands; idempotent. Returns the rows written.
    /// </summary>
    Task<int> RebuildHourlyAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>The rows whose hour starts in [<paramref name="from"/>, <paramref name="to"/>), of one table or all, oldest first.</summary>
    Task<IReadOnlyList<HourlyStats>> GetHourlyAsync(DateTimeOffset from, DateTimeOffset to, string? tableId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The hands that ended in [<paramref name="from"/>, <paramref name="to"/>), or since <paramref name="from"/> when
    /// <paramref name="to"/> is null, per table and for the whole room.
    /// </summary>
    Task<RoomFigures> GetHandFiguresAsync(DateTimeOffset from, DateTimeOffset? to, CancellationToken cancellationToken = default);

    /// <summary>Writes one batch of snapshots.</summary>
    Task WriteSnapshotsAsync(IReadOnlyList<AnalyticsSnapshot> snapshots, CancellationToken cancellationToken = default);

    /// <summary>The snapshots taken in [<paramref name="from"/>, <paramref name="to"/>), of one table or all, oldest first.</summary>
    Task<IReadOnlyList<AnalyticsSnapshot>> GetSnapshotsAsync(DateTimeOffset from, DateTimeOffset to, string? tableId, CancellationToken cancellationToken = default);

    /// <summary>Removes the snapshots taken before <paramref name="before"/>; returns how many.</summary>
    Task<int> DeleteSnapshotsBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken = default);

    /// <summary>
    /// Each person's results (robots left out) in the cash hands (sit-and-go hands left out) that ended in
    /// [<paramref name="from"/>, <paramref name="to"/>), from <c>hand_players</c>: people with fewer than
    /// <paramref name="minimumHands"/> such hands are left out (they cannot reach the rule's floor). A hand is measured in
    /// its table's big blind, or the small bet of a game without blinds (see <see cref="PlayerWinRate"/>).
    /// </summary>
    Task<IReadOnlyList<PlayerWinRate>> GetWinRatesAsync(DateTimeOffset from, DateTimeOffset to, int minimumHands, CancellationToken cancellationToken = default);

    /// <summary>
    /// The chips flowing between two people (robots left out) who were dealt into the same cash hands that ended in
    /// [<paramref name="from"/>, <paramref name="to"/>) (see <see cref="PairChipFlow"/>), once per pair with
    /// <see cref="PairChipFlow.From"/> the one whose chips went to the other more (measured in big blinds): pairs with fewer
    /// than <paramref name="minimumSharedHands"/> shared hands or less than <paramref name="minimumBigBlinds"/> flowing
    /// the main way are left out (they cannot reach the rule's floor).
    /// </summary>
    Task<IReadOnlyList<PairChipFlow>> GetChipFlowsAsync(DateTimeOffset from, DateTimeOffset to, int minimumSharedHands, double minimumBigBlinds, CancellationToken cancellationToken = default);
}

/// <summary>Hands in a span of time: how many, chips in their pots, the largest pot, rake, and the distinct players dealt in.</summary>
public sealed record HandFigures(int Hands, long TotalPot, long LargestPot, long Rake, int DistinctPlayers)
{
    public static readonly HandFigures None = new(0, 0, 0, 0, 0);
}

/// <summary>The figures of each table that dealt hands, and of the whole room (players counted once across tables).</summary>
public sealed record RoomFigures(IReadOnlyDictionary<string, HandFigures> Tables, HandFigures Room);

/// <summary>
/// A person's cash hands in a span of time: how many, the chips won (net of losses, rake included) and the same in big
/// blinds: each hand's net divided by its table's big blind, or its small bet in a game without blinds (stud).
/// </summary>
public sealed record PlayerWinRate(long PlayerId, int Hands, long Net, double NetBigBlinds)
{
    /// <summary>Big blinds won per 100 hands (0 without hands).</summary>
    public double BigBlindsPer100 => Hands == 0 ? 0 : NetBigBlinds * 100 / Hands;
}

/// <summary>
/// Two people dealt into the same cash hands: in each shared hand that <see cref="From"/> lost and <see cref="To"/> won,
/// the smaller of the two amounts flowed from one to the other (with more players in the hand, not every chip lost went
/// to that winner); <see cref="Flow"/> sums those chips (and <see cref="FlowBigBlinds"/> in the hands' big blinds, as in
/// <see cref="PlayerWinRate"/>), <see cref="ReverseFlow"/> the chips that went the other way.
/// </summary>
public sealed record PairChipFlow(long From, long To, int SharedHands, long Flow, double FlowBigBlinds, long ReverseFlow, double ReverseBigBlinds)
{
    /// <summary>
    /// The pair of <paramref name="a"/> and <paramref name="b"/> (a &lt; b) from the flows both ways, named from the one
    /// whose chips went to the other more in big blinds (<paramref name="a"/> on a tie).
    /// </summary>
    public static PairChipFlow Named(long a, long b, int sharedHands, (long Chips, double BigBlinds) aToB, (long Chips, double BigBlinds) bToA) =>
        aToB.BigBlinds >= bToA.BigBlinds
            ? new(a, b, sharedHands, aToB.Chips, aToB.BigBlinds, bToA.Chips, bToA.BigBlinds)
            : new(b, a, sharedHands, bToA.Chips, bToA.BigBlinds, aToB.Chips, aToB.BigBlinds);
}
