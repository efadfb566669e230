using Microsoft.AspNetCore.SignalR;

namespace Orleans.Poker.Gateway.Relay;

/// <summary>One message of a relay to a connection: a hub method and its single argument.</summary>
internal readonly record struct Outgoing(string Method, object Argument);

/// <summary>What <see cref="ConnectionQueue.Enqueue"/> did with the messages.</summary>
internal enum Queued
{
    /// <summary>Queued behind the connection's earlier messages.</summary>
    Yes,

    /// <summary>Dropped: the connection lags; it is caught up later.</summary>
    Dropped,

    /// <summary>Dropped, and the connection just started lagging: catch it up once <see cref="ConnectionQueue.Sent"/> completes.</summary>
    StartedLagging,
}

/// <summary>
/// A relay's outgoing messages to one connection, sent in order without making the relay wait: the first send of an
/// idle connection starts at once, later ones chain behind it. A connection <see cref="MaxBacklog"/> batches behind
/// (a client that stopped reading) gets nothing more until its owner catches it up with fresh state, so one slow
/// connection delays only itself. <see cref="Enqueue"/>, <see cref="Resume"/> and <see cref="Sent"/> belong to the
/// owner's single loop; the sends complete on other threads.
/// </summary>
internal sealed partial class ConnectionQueue(IHubClients clients, string connectionId, RelayMetrics metrics, ILogger logger)
{
    /// <summary>Batches one connection may have queued before it lags.</summary>
    public const int MaxBacklog = 64;

    private int backlog;

    public string ConnectionId { get; } = connectionId;

    /// <summary>Completes when everything queued so far went out (or failed: a closed connection fails quietly).</summary>
    public Task Sent { get; private set; } = Task.CompletedTask;

    /// <summary>Dropping messages since it fell behind, until <see cref="Resume"/>.</summary>
    public bool Lagging { get; private set; }

    public Queued Enqueue(params Outgoing[] messages)
    {
        if (Lagging)
        {
            metrics.MessagesSkipped(messages.Length);
            return Queued.Dropped;
        }

        var queued = Volatile.Read(ref backlog);
        if (queued >= MaxBacklog)
        {
            Lagging = true;
            metrics.MessagesSkipped(messages.Length);
            LogLagging(logger, ConnectionId, MaxBacklog);
            return Queued.StartedLagging;
        }

        metrics.Queued(queued);
        Interlocked.Increment(ref backlog);
        Sent = Sent.IsCompleted ? SendNow(messages) : SendAfter(Sent, messages);
        return Queued.Yes;
    }

    /// <summary>Accepts messages again (the owner is about to send the connection fresh state).</summary>
    public void Resume() => Lagging = false;

    private async Task SendAfter(Task before, Outgoing[] messages)
    {
        await before;
        await SendNow(messages);
    }

    private async Task SendNow(Outgoing[] messages)
    {
        try
        {
            var client = clients.Client(ConnectionId);
            foreach (var message in messages)
            {
                await client.SendAsync(message.Method, message.Argument);
                metrics.MessageDelivered(message.Method);
            }
        }
        catch (Exception ex)
        {
            LogSendFailed(logger, ex, ConnectionId);
        }
        finally
        {
            Interlocked.Decrement(ref backlog);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connection {ConnectionId} is {Backlog} sends behind: it skips messages and is caught up with fresh state")]
    private static partial void LogLagging(ILogger logger, string connectionId, int backlog);

    [LoggerMessage(Level = LogLevel.Debug, Message = "A send to connection {ConnectionId} failed")]
    private static partial void LogSendFailed(ILogger logger, Exception exception, string connectionId);
}
