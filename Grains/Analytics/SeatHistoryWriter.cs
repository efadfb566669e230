using System.Diagnostics.Metrics;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Poker.Grains.Storage;
using Orleans.Poker.Grains.Telemetry;

namespace Orleans.Poker.Grains.Analytics;

/// <summary>
/// The silo's one writer of the seat and waitlist history: tables only <see cref="Add"/> events (never waiting for the
/// database), and every <see cref="AnalyticsOptions.HistoryFlushInterval"/> what is queued is written in batches of at
/// most <see cref="AnalyticsOptions.HistoryBatchSize"/> events, one round trip each, in order. While the store fails the
/// batch in hand is kept and retried with a growing pause (1 s doubling to 1 min); events queue up to
/// <see cref="AnalyticsOptions.HistoryBufferLimit"/>, and beyond it are dropped, counted and logged. A batch the
/// database refuses as invalid (a constraint or data error: a bug, retrying would not help) is logged and dropped. On
/// shutdown what is queued gets one last write. History is analytics, not money: the events of the last interval are
/// lost when a silo dies.
/// </summary>
public sealed partial class SeatHistoryWriter : BackgroundService
{
    /// <summary>How long a stopping silo tries to write what is still queued.</summary>
    public static readonly TimeSpan ShutdownWriteTimeout = TimeSpan.FromSeconds(5);

    private static readonly TimeSpan MaxRetryPause = TimeSpan.FromMinutes(1);

    private readonly ISeatHistoryStore store;
    private readonly AnalyticsOptions options;
    private readonly TimeProvider time;
    private readonly ILogger<SeatHistoryWriter> logger;
    private readonly Channel<SeatHistoryEvent> queue;
    private readonly SemaphoreSlim writing = new(1, 1);
    private readonly Counter<long> written;
    private readonly Counter<long> dropped;

    /// <summary>Taken from the queue and not stored yet (only touched while <see cref="writing"/> is held).</summary>
    private readonly List<SeatHistoryEvent> batch = [];

    private long droppedSinceWrite;

    public SeatHistoryWriter(ISeatHistoryStore store, IOptions<AnalyticsOptions> options, TimeProvider time, IMeterFactory meters, ILogger<SeatHistoryWriter> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(meters);
        this.store = store;
        this.options = options.Value;
        this.time = time;
        this.logger = logger;
        queue = Channel.CreateBounded<SeatHistoryEvent>(new BoundedChannelOptions(this.options.HistoryBufferLimit)
        {
            FullMode = BoundedChannelFullMode.Wait, // TryWrite answers false when full: the event is dropped and counted
            SingleReader = true,
        });
        var meter = meters.Create(StorageMetrics.MeterName);
        written = meter.CreateCounter<long>("poker.history.events.written", "{event}", "Seat and waitlist history events stored");
        dropped = meter.CreateCounter<long>("poker.history.events.dropped", "{event}", "Seat and waitlist history events dropped: the queue was full while the store failed, or the database refused the batch");
    }

    /// <summary>Events queued and not yet taken into a batch.</summary>
    public int Queued => queue.Reader.Count;

    /// <summary>Queues an event; never blocks. When the queue is full the event is dropped (counted, and a warning logged once until the next write).</summary>
    public void Add(SeatHistoryEvent historyEvent)
    {
        if (queue.Writer.TryWrite(historyEvent))
        {
            return;
        }

        dropped.Add(1);
        if (Interlocked.Increment(ref droppedSinceWrite) == 1)
        {
            LogQueueFull(logger, options.HistoryBufferLimit);
        }
    }

    /// <summary>Writes everything queued now, in batches; a store failure is thrown (the events stay queued). For tests and tools.</summary>
    public Task FlushAsync(CancellationToken cancellationToken = default) => WriteQueued(retry: false, cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.HistoryFlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await WriteQueued(retry: true, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The silo stops: one last write below.
        }

        using var last = new CancellationTokenSource(ShutdownWriteTimeout);
        try
        {
            await WriteQueued(retry: false, last.Token);
        }
        catch (Exception ex)
        {
            LogLostOnShutdown(logger, ex, batch.Count + Queued);
        }
    }

    public override void Dispose()
    {
        writing.Dispose();
        base.Dispose();
    }

    private async Task WriteQueued(bool retry, CancellationToken cancellationToken)
    {
        await writing.WaitAsync(cancellationToken);
        try
        {
            for (var failures = 0; ;)
            {
                while (batch.Count < options.HistoryBatchSize && queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                }

                if (batch.Count == 0)
                {
                    return;
                }

                try
                {
                    await store.ApplyAsync(batch, cancellationToken);
                }
                catch (Exception ex) when (IsRefused(ex))
                {
                    LogBatchRefused(logger, ex, batch.Count);
                    dropped.Add(batch.Count);
                    batch.Clear();
                    continue;
                }
                catch (Exception ex) when (retry && !cancellationToken.IsCancellationRequested)
                {
                    failures++;
                    var pause = TimeSpan.FromSeconds(Math.Min(MaxRetryPause.TotalSeconds, Math.Pow(2, failures - 1)));
                    LogWriteFailed(logger, ex, batch.Count, Queued, failures, pause);
                    await Task.Delay(pause, time, cancellationToken);
                    continue;
                }

                written.Add(batch.Count);
                batch.Clear();
                failures = 0;
                if (Interlocked.Exchange(ref droppedSinceWrite, 0) is var lost and > 0)
                {
                    LogDropped(logger, lost);
                }
            }
        }
        finally
        {
            writing.Release();
        }
    }

    /// <summary>A constraint violation (class 23) or a data error (class 22): the same batch would be refused again.</summary>
    private static bool IsRefused(Exception ex) =>
        DatabaseErrors.Find(ex) is PostgresException { SqlState: var state } && (state.StartsWith("22", StringComparison.Ordinal) || state.StartsWith("23", StringComparison.Ordinal));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seat history queue full ({Limit} events): new events are dropped until the store takes them again")]
    private static partial void LogQueueFull(ILogger logger, int limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seat history write of {Count} events failed ({Queued} more queued, attempt {Attempt}); retrying in {Pause}")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count, int queued, int attempt, TimeSpan pause);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seat history stored again after {Dropped} events were dropped while the queue was full")]
    private static partial void LogDropped(ILogger logger, long dropped);

    [LoggerMessage(Level = LogLevel.Error, Message = "Seat history batch of {Count} events refused by the database as invalid; dropped")]
    private static partial void LogBatchRefused(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Seat history: {Count} events not stored before the silo stopped")]
    private static partial void LogLostOnShutdown(ILogger logger, Exception exception, int count);
}
