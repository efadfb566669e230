using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Orleans.Poker.Gateway.Hubs;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.ServiceDefaults;

namespace Orleans.Poker.Gateway.Relay;

/// <summary>
/// One watched table in this gateway process: one observer subscription, and the local viewers it delivers to.
/// Everything is decided on one loop, so per viewer the snapshot and the events go out exactly once and in
/// <see cref="TableFeedEvent.EventSeq"/> order. Out-of-order events wait in a buffer; a gap that does not fill within
/// the gap timeout is repaired with fresh snapshots. Each event comes serialized by the table once for all viewers
/// (<see cref="EventPayload"/>). Sends are queued per viewer and the loop does not wait for them: a slow connection
/// delays only itself, and one that falls <see cref="ConnectionQueue.MaxBacklog"/> sends behind skips events and
/// catches up with a fresh snapshot once it has drained.
/// </summary>
internal sealed partial class TableFeed
{
    private readonly Channel<Work> work = Channel.CreateUnbounded<Work>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, Viewer> viewers = new(StringComparer.Ordinal);
    private readonly SortedDictionary<long, TableFeedEvent> buffer = [];

    // When each buffered event was received (Stopwatch timestamps), for the delivery time.
    private readonly Dictionary<long, long> received = [];
    private readonly IGrainFactory grains;
    private readonly IHubContext<TableHub> hub;
    private readonly TimeSpan gapTimeout;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly RelayMetrics metrics;
    private TableObserver? observer;
    private ITableFeedObserver? reference;
    private long last = -1;

    // The newest event a renewal found the table at, when the feed had not delivered it yet: it may still be on its way.
    private long expected = -1;
    private DateTimeOffset? gapSince;

    public TableFeed(
        string tableId, IGrainFactory grains, IHubContext<TableHub> hub, TimeSpan gapTimeout, TimeProvider time, RelayMetrics metrics, ILogger logger)
    {
        this.metrics = metrics;
        TableId = tableId;
        this.grains = grains;
        this.hub = hub;
        this.gapTimeout = gapTimeout;
        this.time = time;
        this.logger = logger;
        Table = grains.GetGrain<ITableGrain>(tableId);
        Completion = Task.Run(Run);
    }

    public string TableId { get; }

    /// <summary>The table's grain.</summary>
    public ITableGrain Table { get; }

    /// <summary>Local viewers registered with the relay (guarded by the relay's lock).</summary>
    public int References { get; set; }

    public Task Completion { get; }

    /// <summary>Events delivered to viewers (for figures and tests).</summary>
    public long Delivered { get; private set; }

    /// <summary>Snapshot resyncs after gaps.</summary>
    public long Resyncs { get; private set; }

    /// <summary>Viewers that fell behind and were caught up with a snapshot.</summary>
    public long Lagged { get; private set; }

    /// <summary>An event from the table, received at <paramref name="receivedAt"/> (a <see cref="System.Diagnostics.Stopwatch"/> timestamp).</summary>
    public void Post(TableFeedEvent feedEvent, long receivedAt) => work.Writer.TryWrite(new EventWork(feedEvent, receivedAt));

    public Task AddViewer(string connectionId, long playerId) => Enqueue(done => new AddWork(connectionId, playerId, done));

    public Task SendSnapshot(string connectionId) => Enqueue(done => new SnapshotWork(connectionId, done));

    public void RemoveViewer(string connectionId) => work.Writer.TryWrite(new RemoveWork(connectionId));

    /// <summary>
    /// Subscribes again (grain subscriptions expire; a table reactivated without a migration has lost them) and, when
    /// the table is past the last event delivered and the events up to it do not arrive within the gap timeout (lost,
    /// with none after them to show a gap), sends every viewer a fresh snapshot. At a busy table the events the table
    /// sent just before it answered are often still on their way, queued behind the renewal, so they get the gap's time
    /// to arrive. Periodic, and at once when a cluster gateway connection closed. A renewal that fails (the table's silo
    /// is gone and not yet declared dead) is tried again (<see cref="ClusterConnectionWatch.RenewRetry"/>).
    /// </summary>
    public void Renew() => work.Writer.TryWrite(new RenewWork(1));

    public void Stop() => work.Writer.TryWrite(new StopWork());

    private Task Enqueue(Func<TaskCompletionSource, Work> create)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!work.Writer.TryWrite(create(done)))
        {
            done.SetException(new InvalidOperationException("The table feed has stopped"));
        }

        return done.Task;
    }

    private async Task Run()
    {
        await foreach (var item in work.Reader.ReadAllAsync())
        {
            try
            {
                switch (item)
                {
                    case EventWork e:
                        await OnEvent(e.Event, e.ReceivedAt);
                        break;
                    case AddWork add:
                        await Complete(add.Done, () => OnAdd(add));
                        break;
                    case SnapshotWork snapshot:
                        await Complete(snapshot.Done, () => OnSnapshot(snapshot.ConnectionId));
                        break;
                    case CatchUpWork catchUp:
                        await OnCatchUp(catchUp.Viewer);
                        break;
                    case RemoveWork remove:
                        viewers.Remove(remove.ConnectionId);
                        break;
                    case GapCheckWork:
                        await OnGapCheck();
                        break;
                    case RenewWork renew when reference is not null:
                        await OnRenew(renew.Attempt);
                        break;
                    case StopWork:
                        await Unsubscribe();
                        work.Writer.TryComplete();
                        break;
                }
            }
            catch (Exception ex)
            {
                LogWorkFailed(logger, ex, TableId, item.GetType().Name);
            }
        }

        // Callers still waiting on a stopped feed get an answer instead of hanging.
        while (work.Reader.TryRead(out var rest))
        {
            (rest as AddWork)?.Done.TrySetException(new InvalidOperationException("The table feed has stopped"));
            (rest as SnapshotWork)?.Done.TrySetException(new InvalidOperationException("The table feed has stopped"));
        }
    }

    /// <summary>Runs the loop's part of a request, then answers it once the viewer's queued sends went out (off the loop).</summary>
    private static async Task Complete(TaskCompletionSource done, Func<Task<Task>> action)
    {
        Task sent;
        try
        {
            sent = await action();
        }
        catch (Exception ex)
        {
            done.TrySetException(ex);
            return;
        }

        _ = sent.ContinueWith(static (_, state) => ((TaskCompletionSource)state!).TrySetResult(), done, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task<Task> OnAdd(AddWork add)
    {
        if (reference is null)
        {
            await Subscribe();
        }

        var snapshot = await Table.GetSnapshot(add.PlayerId);
        if (last < 0)
        {
            last = snapshot.EventSeq;
        }

        // Watching again keeps the connection's queue, so the new snapshot still goes out after what was queued before.
        var queue = viewers.TryGetValue(add.ConnectionId, out var previous) ? previous.Queue : new ConnectionQueue(hub.Clients, add.ConnectionId, metrics, logger);
        queue.Resume();
        var viewer = new Viewer(add.ConnectionId, add.PlayerId) { LastSeq = snapshot.EventSeq, Queue = queue };
        viewers[add.ConnectionId] = viewer;
        SendSnapshot(viewer, snapshot);
        Drain();
        return viewer.Queue.Sent;
    }

    private async Task<Task> OnSnapshot(string connectionId)
    {
        if (!viewers.TryGetValue(connectionId, out var viewer))
        {
            return Task.CompletedTask;
        }

        var snapshot = await Table.GetSnapshot(viewer.PlayerId);
        viewer.LastSeq = Math.Max(viewer.LastSeq, snapshot.EventSeq);
        metrics.Resync("requested");
        SendSnapshot(viewer, snapshot);
        return viewer.Queue.Sent;
    }

    /// <summary>A viewer that lagged has drained its queue: a fresh snapshot replaces the events it skipped.</summary>
    private async Task OnCatchUp(Viewer viewer)
    {
        if (!viewer.Queue.Lagging || !viewers.TryGetValue(viewer.ConnectionId, out var current) || current != viewer)
        {
            return;
        }

        var snapshot = await Table.GetSnapshot(viewer.PlayerId);
        viewer.Queue.Resume();
        viewer.LastSeq = Math.Max(viewer.LastSeq, snapshot.EventSeq);
        Lagged++;
        metrics.Resync("lagging");
        SendSnapshot(viewer, snapshot);
    }

    private async Task OnEvent(TableFeedEvent feedEvent, long receivedAt)
    {
        if (last < 0 || feedEvent.EventSeq <= last)
        {
            return;
        }

        if (buffer.TryAdd(feedEvent.EventSeq, feedEvent))
        {
            received[feedEvent.EventSeq] = receivedAt;
        }

        Drain();
        WaitForMissing();
    }

    /// <summary>Events are missing: buffered ones wait for those before them, or a renewal found the table further on.</summary>
    private bool Missing => buffer.Count > 0 || last < expected;

    /// <summary>Starts the gap timeout when events are missing and it is not running yet.</summary>
    private void WaitForMissing()
    {
        if (Missing && gapSince is null)
        {
            gapSince = time.GetUtcNow();
            _ = ScheduleGapCheck();
        }
    }

    private async Task ScheduleGapCheck()
    {
        await Task.Delay(gapTimeout, time);
        work.Writer.TryWrite(new GapCheckWork());
    }

    private void Drain()
    {
        foreach (var seq in buffer.Keys.TakeWhile(k => k <= last).ToList())
        {
            buffer.Remove(seq);
            received.Remove(seq);
        }

        while (buffer.Remove(last + 1, out var next))
        {
            last = next.EventSeq;
            received.Remove(next.EventSeq, out var receivedAt);
            Deliver(next, receivedAt);
        }

        if (!Missing)
        {
            gapSince = null;
        }
    }

    private async Task OnGapCheck()
    {
        if (!Missing || gapSince is not { } since)
        {
            return;
        }

        if (time.GetUtcNow() - since < gapTimeout)
        {
            _ = ScheduleGapCheck();
            return;
        }

        // The missing events are lost (one-way calls): every viewer gets a fresh snapshot instead.
        Resyncs++;
        if (buffer.Count > 0)
        {
            LogResync(logger, TableId, last, buffer.Keys.First());
            last = await SendSnapshots("gap", buffer.Keys.First() - 1);
        }
        else
        {
            LogMissed(logger, TableId, last, expected);
            last = await SendSnapshots("missed", expected);
        }

        gapSince = null;
        Drain();
        WaitForMissing();
    }

    private async Task OnRenew(int attempt)
    {
        long current;
        try
        {
            current = await Table.SubscribeFeed(reference!);
        }
        catch (Exception ex) when (attempt < ClusterConnectionWatch.RenewAttempts)
        {
            LogRenewFailed(logger, ex, TableId, attempt, ClusterConnectionWatch.RenewRetry.TotalSeconds);
            _ = RenewLater(attempt + 1);
            return;
        }

        if (current <= last)
        {
            return;
        }

        expected = Math.Max(expected, current);
        WaitForMissing();
    }

    private async Task RenewLater(int attempt)
    {
        await Task.Delay(ClusterConnectionWatch.RenewRetry, time);
        work.Writer.TryWrite(new RenewWork(attempt));
    }

    /// <summary>
    /// Sends every viewer a fresh snapshot (one table call per player: the table may move on between them); the event
    /// sequence number the oldest of them shows, at least <paramref name="skip"/> (the feed goes on after it). Each
    /// viewer gets the events after its own snapshot (<see cref="Viewer.LastSeq"/>), so the feed goes on from the oldest.
    /// </summary>
    private async Task<long> SendSnapshots(string reason, long skip)
    {
        var oldest = long.MaxValue;
        foreach (var group in viewers.Values.GroupBy(v => v.PlayerId).ToList())
        {
            var snapshot = await Table.GetSnapshot(group.Key);
            oldest = Math.Min(oldest, snapshot.EventSeq);
            foreach (var viewer in group)
            {
                viewer.LastSeq = Math.Max(viewer.LastSeq, snapshot.EventSeq);
                metrics.Resync(reason);
                SendSnapshot(viewer, snapshot);
            }
        }

        return oldest == long.MaxValue ? skip : Math.Max(skip, oldest);
    }

    private void Deliver(TableFeedEvent feedEvent, long receivedAt)
    {
        var payload = new EventPayload(feedEvent);
        List<Task>? sends = metrics.DeliveryEnabled && receivedAt != 0 ? [] : null;
        foreach (var viewer in viewers.Values)
        {
            if (feedEvent.EventSeq <= viewer.LastSeq)
            {
                continue;
            }

            viewer.LastSeq = feedEvent.EventSeq;
            if (viewer.Queue.Lagging)
            {
                continue;
            }

            // Only this viewer's own private part goes into their message.
            TableFeedPart? mine = null;
            for (var i = 0; i < feedEvent.Private.Count; i++)
            {
                if (feedEvent.Private[i].PlayerId == viewer.PlayerId)
                {
                    mine = feedEvent.Private[i];
                    break;
                }
            }

            var turn = Untold(viewer, mine?.YourTurn);
            var result = payload.Result;
            Send(viewer, [
                new(TableHub.EventMethod, payload.For(mine)),
                .. turn is null ? Array.Empty<Outgoing>() : [new(TableHub.YourTurnMethod, turn)],
                .. result is null ? Array.Empty<Outgoing>() : [new(TableHub.HandFinishedMethod, result)],
            ]);
            sends?.Add(viewer.Queue.Sent);
        }

        Delivered++;
        if (sends is { Count: > 0 })
        {
            // Each queue's tail completes once this event (and what was queued before it) went out to that viewer.
            _ = Task.WhenAll(sends).ContinueWith(_ => metrics.Delivered(receivedAt), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private void SendSnapshot(Viewer viewer, TableSnapshot snapshot)
    {
        viewer.Turn = null;
        var turn = Untold(viewer, YourTurnMessage.For(TableId, snapshot.EventSeq, snapshot.View, snapshot.Mine));
        Send(viewer, turn is null ? [new(TableHub.SnapshotMethod, snapshot)] : [new(TableHub.SnapshotMethod, snapshot), new(TableHub.YourTurnMethod, turn)]);
    }

    /// <summary><paramref name="turn"/> (this viewer's <c>yourTurn</c>, null when it is not their turn) unless they were told of that turn already.</summary>
    private static YourTurnMessage? Untold(Viewer viewer, YourTurnMessage? turn)
    {
        // One yourTurn per turn, as the table names it.
        if (turn is not null && viewer.Turn is { } told && told.HandNo == turn.HandNo && told.TurnId == turn.TurnId)
        {
            return null;
        }

        viewer.Turn = turn;
        return turn;
    }

    /// <summary>Queues messages for a viewer; one that starts lagging is caught up once its queue drained (<see cref="OnCatchUp"/>).</summary>
    private void Send(Viewer viewer, Outgoing[] messages)
    {
        if (viewer.Queue.Enqueue(messages) == Queued.StartedLagging)
        {
            _ = viewer.Queue.Sent.ContinueWith(_ => work.Writer.TryWrite(new CatchUpWork(viewer)), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>Subscribes to the table; one that fails leaves the feed unsubscribed, so the next viewer's Watch tries again.</summary>
    private async Task Subscribe()
    {
        var created = new TableObserver(this);
        var createdReference = grains.CreateObjectReference<ITableFeedObserver>(created);
        try
        {
            await Table.SubscribeFeed(createdReference);
        }
        catch
        {
            grains.DeleteObjectReference<ITableFeedObserver>(createdReference);
            throw;
        }

        observer = created;
        reference = createdReference;
    }

    private async Task Unsubscribe()
    {
        if (reference is null)
        {
            return;
        }

        try
        {
            await Table.UnsubscribeFeed(reference);
        }
        finally
        {
            grains.DeleteObjectReference<ITableFeedObserver>(reference);
            reference = null;
            observer = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Table feed {TableId}: {Work} failed")]
    private static partial void LogWorkFailed(ILogger logger, Exception exception, string tableId, string work);

    [LoggerMessage(Level = LogLevel.Information, Message = "Table feed {TableId}: gap after event {LastSeq} (next buffered {NextSeq}), resyncing with snapshots")]
    private static partial void LogResync(ILogger logger, string tableId, long lastSeq, long nextSeq);

    [LoggerMessage(Level = LogLevel.Information, Message = "Table feed {TableId}: renewing the subscription failed (attempt {Attempt}); trying again in {RetrySeconds} s")]
    private static partial void LogRenewFailed(ILogger logger, Exception exception, string tableId, int attempt, double retrySeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Table feed {TableId}: events after {LastSeq} up to {CurrentSeq} were missed, resyncing with snapshots")]
    private static partial void LogMissed(ILogger logger, string tableId, long lastSeq, long currentSeq);

    private abstract record Work;

    private sealed record EventWork(TableFeedEvent Event, long ReceivedAt) : Work;

    private sealed record AddWork(string ConnectionId, long PlayerId, TaskCompletionSource Done) : Work;

    private sealed record SnapshotWork(string ConnectionId, TaskCompletionSource Done) : Work;

    private sealed record RemoveWork(string ConnectionId) : Work;

    private sealed record GapCheckWork : Work;

    private sealed record RenewWork(int Attempt) : Work;

    private sealed record StopWork : Work;

    private sealed record CatchUpWork(Viewer Viewer) : Work;


    private sealed class Viewer(string connectionId, long playerId)
    {
        public string ConnectionId { get; } = connectionId;

        public long PlayerId { get; } = playerId;

        public long LastSeq { get; set; }

        /// <summary>The turn this viewer was last told was theirs (null: none, or a snapshot went out since).</summary>
        public YourTurnMessage? Turn { get; set; }

        /// <summary>What is being sent to this viewer.</summary>
        public required ConnectionQueue Queue { get; init; }
    }
}
