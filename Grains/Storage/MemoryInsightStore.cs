using Orleans.Poker.Grains.Analytics;
using Orleans.Poker.Grains.Interfaces.Analytics;

namespace Orleans.Poker.Grains.Storage;

/// <summary>Insights in process memory: the embedded default and the tests.</summary>
public sealed class MemoryInsightStore : IInsightStore
{
    private readonly Lock _gate = new();
    private readonly List<Stored> _insights = [];

    public Task<IReadOnlyList<Insight>> OpenAsync(IReadOnlyList<InsightCondition> conditions, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conditions);
        var opened = new List<Insight>();
        lock (_gate)
        {
            foreach (var c in conditions)
            {
                if (_insights.Any(i => i.Insight.ConditionKey == c.Key && i.Insight.Open))
                {
                    continue;
                }

                var insight = new Insight(_insights.Count + 1, c.Kind, c.Severity, c.Key, c.TableId, c.PlayerId, c.Summary,
                    new Dictionary<string, double>(c.Details), now, null, null, null);
                _insights.Add(new Stored(insight));
                opened.Add(insight);
            }
        }

        return Task.FromResult<IReadOnlyList<Insight>>(opened);
    }

    public Task<int> ResolveAsync(IReadOnlyCollection<string> kinds, IReadOnlyCollection<string> holding, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var resolved = 0;
            foreach (var stored in _insights.Where(i => i.Insight.Open && kinds.Contains(i.Insight.Kind) && !holding.Contains(i.Insight.ConditionKey)))
            {
                stored.Insight = stored.Insight with { ResolvedAt = now };
                resolved++;
            }

            return Task.FromResult(resolved);
        }
    }

    public Task<IReadOnlyList<Insight>> SearchAsync(InsightQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        lock (_gate)
        {
            IReadOnlyList<Insight> found = _insights.Select(i => i.Insight).Where(query.Matches)
                .OrderByDescending(i => i.Id).Skip(query.Skip).Take(query.Take).ToList();
            return Task.FromResult(found);
        }
    }

    public Task<Insight?> AcknowledgeAsync(long insightId, long adminId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_insights.FirstOrDefault(i => i.Insight.Id == insightId) is not { } stored)
            {
                return Task.FromResult<Insight?>(null);
            }

            if (stored.Insight.AcknowledgedAt is null)
            {
                stored.Insight = stored.Insight with { AcknowledgedAt = now, AcknowledgedBy = adminId };
            }

            return Task.FromResult<Insight?>(stored.Insight);
        }
    }

    public Task<IReadOnlyList<Insight>> PendingAsync(InsightChannel channel, DateTimeOffset since, int max, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            IReadOnlyList<Insight> pending = _insights
                .Where(i => !i.Delivered.ContainsKey(channel) && i.Insight.CreatedAt >= since
                    && (channel != InsightChannel.Chat || i.Insight.Severity != InsightSeverity.Info))
                .Select(i => i.Insight).OrderBy(i => i.Id).Take(max).ToList();
            return Task.FromResult(pending);
        }
    }

    public Task MarkDeliveredAsync(InsightChannel channel, IReadOnlyCollection<long> insightIds, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            foreach (var stored in _insights.Where(i => insightIds.Contains(i.Insight.Id)))
            {
                stored.Delivered.TryAdd(channel, now);
            }
        }

        return Task.CompletedTask;
    }

    private sealed class Stored(Insight insight)
    {
        public Insight Insight { get; set; } = insight;

        public Dictionary<InsightChannel, DateTimeOffset> Delivered { get; } = [];
    }
}
