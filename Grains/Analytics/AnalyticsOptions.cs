namespace Orleans.Poker.Grains.Analytics;

/// <summary>The room's analytics schedule (<c>POKER__Analytics__*</c>, bound by the silo, or the defaults).</summary>
public sealed class AnalyticsOptions
{
    /// <summary>Time between two snapshots of the open tables (at least a minute: the analytics reminder's period).</summary>
    public TimeSpan SnapshotInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Snapshots older than this are removed, once a day. Hourly rows are kept.</summary>
    public TimeSpan SnapshotRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>An absolute http(s) URL the silo posts every new insight to (JSON); unset: none.</summary>
    public string? InsightWebhookUrl { get; set; }

    /// <summary><see cref="InsightWebhookUrl"/> as a URI; null when unset or not an absolute http(s) URL.</summary>
    public Uri? InsightWebhook() =>
        Uri.TryCreate(InsightWebhookUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) ? url : null;

    /// <summary>How often each silo writes the seat and waitlist history its tables queued (100 ms to 1 minute).</summary>
    public TimeSpan HistoryFlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The most history events written in one round trip (1 to 5,000).</summary>
    public int HistoryBatchSize { get; set; } = 500;

    /// <summary>The most history events a silo keeps while the database refuses them (at least <see cref="HistoryBatchSize"/>); more are dropped and counted.</summary>
    public int HistoryBufferLimit { get; set; } = 100_000;
}
