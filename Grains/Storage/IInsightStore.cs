using Orleans.Poker.Grains.Analytics;
using Orleans.Poker.Grains.Interfaces.Analytics;

namespace Orleans.Poker.Grains.Storage;

/// <summary>
/// The room's insights (<c>insights</c>): at most one open insight per condition key, even when two evaluations race;
/// resolved when the condition clears, acknowledged by an admin, delivered once to each channel.
/// </summary>
public interface IInsightStore
{
    /// <summary>Stores the conditions that have no open insight of their key yet; returns the insights stored, by id.</summary>
    Task<IReadOnlyList<Insight>> OpenAsync(IReadOnlyList<InsightCondition> conditions, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Resolves the open insights of <paramref name="kinds"/> whose key is not in <paramref name="holding"/> (their
    /// condition cleared); returns how many.
    /// </summary>
    Task<int> ResolveAsync(IReadOnlyCollection<string> kinds, IReadOnlyCollection<string> holding, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>The insights a search asks for, newest first.</summary>
    Task<IReadOnlyList<Insight>> SearchAsync(InsightQuery query, CancellationToken cancellationToken = default);

    /// <summary>Records the first acknowledgement of an insight; the insight as stored, or null when there is none of that id.</summary>
    Task<Insight?> AcknowledgeAsync(long insightId, long adminId, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// Up to <paramref name="max"/> insights created at or after <paramref name="since"/> not yet delivered to
    /// <paramref name="channel"/> (to the chat: warnings and critical ones only), oldest first.
    /// </summary>
    Task<IReadOnlyList<Insight>> PendingAsync(InsightChannel channel, DateTimeOffset since, int max, CancellationToken cancellationToken = default);

    /// <summary>Records the delivery of <paramref name="insightIds"/> to <paramref name="channel"/> (a repeated call keeps the first time).</summary>
    Task MarkDeliveredAsync(InsightChannel channel, IReadOnlyCollection<long> insightIds, DateTimeOffset now, CancellationToken cancellationToken = default);
}
