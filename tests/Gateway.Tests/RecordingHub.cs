using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Orleans.Poker.Gateway.Tests;

/// <summary>A hub context that records every send (method and argument) per connection; sends to "slow" wait until released.</summary>
public sealed class RecordingHub<THub> : IHubContext<THub>
    where THub : Hub
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<(string Method, object? Argument)>> sent = new();
    private readonly TaskCompletionSource slow = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim arrived = new(0);

    public RecordingHub() => Clients = new Recipients(this);

    public IHubClients Clients { get; }

    public IGroupManager Groups => throw new NotSupportedException();

    /// <summary>The arguments sent to a connection, in order.</summary>
    public List<object?> Of(string connectionId) => [.. Sends(connectionId).Select(s => s.Argument)];

    /// <summary>The messages sent to a connection, in order.</summary>
    public List<(string Method, object? Argument)> Sends(string connectionId) => [.. sent.GetOrAdd(connectionId, _ => new())];

    public void Release() => slow.TrySetResult();

    public async Task<bool> WaitFor(Func<bool> condition)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            var left = until - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await arrived.WaitAsync(left))
            {
                return condition();
            }
        }

        return true;
    }

    private Task Record(string connectionId, string method, object? argument)
    {
        sent.GetOrAdd(connectionId, _ => new()).Enqueue((method, argument));
        arrived.Release();
        return connectionId == "slow" ? slow.Task : Task.CompletedTask;
    }

    private sealed class Recipients(RecordingHub<THub> hub) : IHubClients
    {
        public IClientProxy All => throw new NotSupportedException();

        public ISingleClientProxy Client(string connectionId) => new Proxy(hub, connectionId);

        IClientProxy IHubClients<IClientProxy>.Client(string connectionId) => Client(connectionId);

        public IClientProxy AllExcept(IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();

        public IClientProxy Clients(IReadOnlyList<string> connectionIds) => throw new NotSupportedException();

        public IClientProxy Group(string groupName) => throw new NotSupportedException();

        public IClientProxy GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => throw new NotSupportedException();

        public IClientProxy Groups(IReadOnlyList<string> groupNames) => throw new NotSupportedException();

        public IClientProxy User(string userId) => throw new NotSupportedException();

        public IClientProxy Users(IReadOnlyList<string> userIds) => throw new NotSupportedException();
    }

    private sealed class Proxy(RecordingHub<THub> hub, string connectionId) : ISingleClientProxy
    {
        public Task SendCoreAsync(string method, object?[] args, CancellationToken cancellationToken = default) => hub.Record(connectionId, method, args[0]);

        public Task<T> InvokeCoreAsync<T>(string method, object?[] args, CancellationToken cancellationToken) => throw new NotSupportedException();
    }
}
