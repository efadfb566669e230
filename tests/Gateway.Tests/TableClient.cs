using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Poker.Gateway.Contracts;
using Orleans.Poker.Gateway.Relay;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Gateway.Tests;

/// <summary>
/// A real SignalR .NET client of <c>/hubs/table</c> over a test server (long polling). It records every raw
/// payload the server sent (for leak scans) and every typed message in arrival order.
/// </summary>
public sealed class TableClient : IAsyncDisposable
{
    private readonly RecordingHandler recorder;
    private long clientSeq;

    private TableClient(HubConnection connection, RecordingHandler recorder, long playerId)
    {
        Connection = connection;
        this.recorder = recorder;
        PlayerId = playerId;
        connection.On<TableSnapshot>("snapshot", s => Record(s, () => Snapshots.Enqueue(s)));
        connection.On<TableEventMessage>("event", e => Record(e, () => Events.Enqueue(e)));
        connection.On<YourTurnMessage>("yourTurn", t => Record(t, () => OnYourTurn(t)));
        connection.On<HandResult>("handFinished", r => Record(r, () => Finished.Enqueue(r)));
        connection.On<TableChatMessage>("chat", m => Record(m, () => Chats.Enqueue(m)));
    }

    public HubConnection Connection { get; }

    public long PlayerId { get; }

    public ConcurrentQueue<TableSnapshot> Snapshots { get; } = new();

    public ConcurrentQueue<TableEventMessage> Events { get; } = new();

    public ConcurrentQueue<YourTurnMessage> Turns { get; } = new();

    public ConcurrentQueue<HandResult> Finished { get; } = new();

    public ConcurrentQueue<TableChatMessage> Chats { get; } = new();

    /// <summary>Every typed message in arrival order.</summary>
    public ConcurrentQueue<object> Messages { get; } = new();

    /// <summary>Raw bodies of every server-to-client HTTP response (the long-polling transport carries all messages).</summary>
    public IReadOnlyCollection<string> RawPayloads => recorder.Bodies;

    /// <summary>What to do on <c>yourTurn</c> (e.g. act); null ignores it.</summary>
    public Func<TableClient, YourTurnMessage, Task>? OnTurn { get; set; }

    /// <summary>Errors raised by <see cref="OnTurn"/>.</summary>
    public ConcurrentQueue<Exception> TurnErrors { get; } = new();

    /// <summary>Signalled whenever something arrives.</summary>
    public SemaphoreSlim Arrived { get; } = new(0);

    public static async Task<TableClient> Connect(TestServer server, string accessToken, long playerId, string path = "/hubs/table")
    {
        var recorder = new RecordingHandler(server.CreateHandler());
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, path), o =>
            {
                o.HttpMessageHandlerFactory = _ => recorder;
                o.Transports = HttpTransportType.LongPolling;
                o.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        connection.ServerTimeout = TimeSpan.FromMinutes(2);
        var client = new TableClient(connection, recorder, playerId);
        await connection.StartAsync();
        return client;
    }

    /// <summary>Connects to a gateway listening on a real URL (Kestrel).</summary>
    public static async Task<TableClient> ConnectUrl(Uri baseAddress, string accessToken, long playerId)
    {
        var recorder = new RecordingHandler(new SocketsHttpHandler());
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/table"), o =>
            {
                o.HttpMessageHandlerFactory = _ => recorder;
                o.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        var client = new TableClient(connection, recorder, playerId);
        await connection.StartAsync();
        return client;
    }

    public Task Watch(string tableId) => Connection.InvokeAsync("Watch", tableId);

    /// <summary>Acts on the turn of <paramref name="turn"/> (its hand and turn id).</summary>
    public Task<ActResult> Act(YourTurnMessage turn, ActionKind action, long amount = 0, IReadOnlyList<string>? cards = null) =>
        Connection.InvokeAsync<ActResult>("Act", turn.TableId, turn.HandNo, turn.TurnId, action, amount, cards, Interlocked.Increment(ref clientSeq));

    /// <summary>Plays passively: check when possible, else call, else fold.</summary>
    public static Task Passive(TableClient client, YourTurnMessage turn) => client.Act(turn, PassiveAction(turn));

    /// <summary>Check when possible, else call, else fold.</summary>
    public static ActionKind PassiveAction(YourTurnMessage turn) =>
        turn.Legal.CanCheck ? ActionKind.Check : turn.Legal.CallAmount is not null ? ActionKind.Call : ActionKind.Fold;

    /// <summary>Waits (without sleeping) until <paramref name="condition"/> holds or the timeout passes.</summary>
    public async Task<bool> WaitFor(Func<bool> condition, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            var left = until - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await Arrived.WaitAsync(left))
            {
                return condition();
            }
        }

        return true;
    }

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();

    private void OnYourTurn(YourTurnMessage turn)
    {
        Turns.Enqueue(turn);
        if (OnTurn is { } onTurn)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await onTurn(this, turn);
                }
                catch (Exception ex)
                {
                    TurnErrors.Enqueue(ex);
                }
                finally
                {
                    Arrived.Release();
                }
            });
        }
    }

    private void Record(object message, Action store)
    {
        store();
        Messages.Enqueue(message);
        Arrived.Release();
    }

    private sealed class RecordingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        public ConcurrentQueue<string> Bodies { get; } = new();

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (request.Method == HttpMethod.Get && response.Content is not null)
            {
                var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                Bodies.Enqueue(System.Text.Encoding.UTF8.GetString(bytes));
                var copy = new ByteArrayContent(bytes);
                foreach (var header in response.Content.Headers)
                {
                    copy.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }

                response.Content = copy;
            }

            return response;
        }
    }
}
