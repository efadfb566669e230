namespace Orleans.Poker.Grains.Interfaces.Analytics;

/// <summary>
/// Answers "how long do people wait" from the seat and waitlist history the tables write (batched, a second or so
/// behind the tables). A stateless worker (key <see cref="Key"/>): each query is answered by the database (aggregated in SQL), never by a table.
/// </summary>
[Alias("poker.wait-stats")]
public interface IWaitStatsGrain : IGrainWithStringKey
{
    public const string Key = "room";

    /// <summary>
    /// The waits that began and the seats taken from <paramref name="from"/> (inclusive) to <paramref name="to"/>
    /// (exclusive), of one table or all; a range that ends before it starts is refused (<c>invalid_range</c>).
    /// </summary>
    [Alias("Waits")]
    Task<WaitReport> Waits(DateTimeOffset from, DateTimeOffset to, string? tableId);
}
