using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Orleans.Poker.BotFrontend.Telegram;

/// <summary>
/// The bot's figures (meter <see cref="MeterName"/>): updates received, refused, duplicated, left for redelivery,
/// processed and failed; handling time; per-chat queue depth; Bot API calls by method and result, and the
/// <c>retry_after</c> Telegram asks for when it throttles.
/// </summary>
public sealed class BotMetrics : IDisposable
{
    public const string MeterName = "Orleans.Poker.Bot";

    private static readonly double[] SecondsBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
    private static readonly double[] RetryBuckets = [1, 2, 5, 10, 30, 60, 120, 300];
    private static readonly int[] DepthBuckets = [0, 1, 2, 4, 8, 16, 32, 64];

    private readonly Counter<long> received;
    private readonly Counter<long> refused;
    private readonly Counter<long> duplicates;
    private readonly Counter<long> unavailable;
    private readonly Counter<long> processed;
    private readonly Counter<long> failed;
    private readonly Histogram<double> duration;
    private readonly Histogram<int> queueDepth;
    private readonly Counter<long> apiCalls;
    private readonly Histogram<double> retryAfter;
    private readonly Counter<long> coalesced;
    private readonly Counter<long> skipped;

    public BotMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meter = meters.Create(MeterName);
        received = Meter.CreateCounter<long>("poker.bot.updates.received", "{update}", "Updates offered to the bot, by source (webhook, polling)");
        refused = Meter.CreateCounter<long>("poker.bot.updates.refused", "{update}", "Webhook requests refused before any processing, by reason (secret: missing or wrong secret header; body: not an update)");
        duplicates = Meter.CreateCounter<long>("poker.bot.updates.duplicates", "{update}", "Updates dropped as already processed (by this process or another)");
        unavailable = Meter.CreateCounter<long>("poker.bot.updates.unavailable", "{update}", "Updates whose claim the cluster could not record: not processed, left for Telegram to redeliver (webhook 503)");
        processed = Meter.CreateCounter<long>("poker.bot.updates.processed", "{update}", "Updates handled to the end");
        failed = Meter.CreateCounter<long>("poker.bot.updates.failed", "{update}", "Updates whose handling failed with an error");
        duration = Meter.CreateHistogram(
            "poker.bot.update.duration",
            "s",
            "Time handling an update took (its turn in the chat's queue excluded), by outcome (processed, failed)",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        queueDepth = Meter.CreateHistogram(
            "poker.bot.chat_queue.depth",
            "{update}",
            "Updates already queued or running in the chat's queue when another one joins it",
            tags: null,
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = DepthBuckets });
        apiCalls = Meter.CreateCounter<long>("poker.bot.api.calls", "{call}", "Bot API calls by method and result (ok, throttled: 429, forbidden: 403, error: other refusals, network: no answer)");
        retryAfter = Meter.CreateHistogram(
            "poker.bot.api.retry_after",
            "s",
            "retry_after of the Bot API's 429 answers",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = RetryBuckets });
        coalesced = Meter.CreateCounter<long>("poker.bot.outbox.coalesced", "{message}", "Message updates folded into an update of the same message still waiting to go out");
        skipped = Meter.CreateCounter<long>("poker.bot.outbox.skipped", "{message}", "Messages not sent because their chat answered 403 (blocked or never opened) and has not written since");
    }

    public Meter Meter { get; }

    /// <summary>Adds the gauge of updates queued or running across chats.</summary>
    public void ObservePending(Func<int> pending) =>
        Meter.CreateObservableGauge("poker.bot.updates.pending", pending, "{update}", "Updates queued or being handled in this process, all chats together");

    /// <summary>Adds the gauge of messages waiting in the outbox's chat queues.</summary>
    public void ObserveOutbox(Func<int> queued) =>
        Meter.CreateObservableGauge("poker.bot.outbox.queued", queued, "{message}", "Messages waiting in the per-chat send queues (paced, or throttled by Telegram)");

    public void OutboxCoalesced() => coalesced.Add(1);

    public void OutboxSkipped() => skipped.Add(1);

    public void Received(string source) => received.Add(1, new KeyValuePair<string, object?>("source", source));

    public void Refused(string reason) => refused.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Duplicate() => duplicates.Add(1);

    public void Unavailable() => unavailable.Add(1);

    /// <summary>An update's handling ended (<paramref name="ok"/>: without an error), started at a <see cref="Stopwatch"/> timestamp.</summary>
    public void Handled(long startedAt, bool ok)
    {
        (ok ? processed : failed).Add(1);
        duration.Record(Stopwatch.GetElapsedTime(startedAt).TotalSeconds, new KeyValuePair<string, object?>("outcome", ok ? "processed" : "failed"));
    }

    public void Queued(int depth) => queueDepth.Record(depth);

    public void ApiCall(string method, string result) =>
        apiCalls.Add(1, new KeyValuePair<string, object?>("method", method), new KeyValuePair<string, object?>("result", result));

    public void Throttled(double seconds) => retryAfter.Record(seconds);

    public void Dispose() => Meter.Dispose();
}
