using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Analytics;

/// <summary>
/// The admins' view of the stored insights and their delivery to the admins' chat. The lease lives in memory only:
/// what was posted is recorded in the store, so a lost lease at worst lets another bot post a batch that was being
/// posted when its bot died.
/// </summary>
public sealed class InsightsGrain(IInsightStore store, TimeProvider time, ILogger<InsightsGrain> logger) : Grain, IInsightsGrain
{
    /// <summary>Insights older than this are no longer delivered (a bot or webhook that was away a week does not flood the chat).</summary>
    public static readonly TimeSpan DeliveryWindow = TimeSpan.FromDays(1);

    /// <summary>The most insights one batch holds.</summary>
    public const int MaxBatch = 20;

    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private string? leaseOwner;
    private DateTimeOffset leaseUntil;

    public Task<IReadOnlyList<Insight>> Search(InsightQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query is { Skip: >= 0, Take: >= 1 and <= 1000 }
            ? store.SearchAsync(query)
            : throw new PokerException("invalid_input", "skip must not be negative and take must be 1..1000");
    }

    public async Task<Insight> Acknowledge(long insightId, long adminId)
    {
        var insight = await store.AcknowledgeAsync(insightId, adminId, time.GetUtcNow())
            ?? throw PokerException.NotFound($"Insight {insightId}");
        logger.LogInformation("Insight {InsightId} {Kind} acknowledged by {AdminId}", insight.Id, insight.Kind, adminId);
        return insight;
    }

    public async Task<IReadOnlyList<Insight>> ClaimForChat(string owner, int max)
    {
        ArgumentException.ThrowIfNullOrEmpty(owner);
        var now = time.GetUtcNow();
        if (leaseOwner is not null && leaseOwner != owner && now < leaseUntil)
        {
            return [];
        }

        var pending = await store.PendingAsync(InsightChannel.Chat, now - DeliveryWindow, Math.Clamp(max, 1, MaxBatch));
        if (pending.Count > 0)
        {
            (leaseOwner, leaseUntil) = (owner, now + Lease);
        }

        return pending;
    }

    public async Task ConfirmChat(string owner, IReadOnlyList<long> insightIds)
    {
        ArgumentNullException.ThrowIfNull(insightIds);
        await store.MarkDeliveredAsync(InsightChannel.Chat, insightIds, time.GetUtcNow());
        if (leaseOwner == owner)
        {
            leaseOwner = null;
        }
    }
}
