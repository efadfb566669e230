using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Security;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Poker.Gateway.Auth;
using Orleans.Poker.Gateway.Contracts;
using Orleans.Poker.Gateway.Hubs;
using Orleans.Poker.Gateway.Relay;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Deploy.Tests;

/// <summary>
/// One player of the mini-app, through nginx from its own loopback address: signs in with Telegram initData, watches
/// its table on <c>/hubs/table</c> over <c>wss</c> and checks or calls on <c>yourTurn</c>. What a real client does when
/// the servers behind nginx are replaced: the hub reconnects by itself (0.5, 1, 2 ... 10 s, as WebClient/src/hubs.ts),
/// then the player watches again and re-reads the table over REST (acting if the turn is theirs); a failed
/// <c>Act</c> is retried with the same <c>clientSeq</c> (the table answers a repeat with the first answer) a bounded
/// number of times; a refusal (a 4xx code) is final. Every accepted action and every failure is counted.
/// </summary>
public sealed class TablePlayer : IAsyncDisposable
{
    /// <summary>Attempts of one action before it counts as failed (about 40 s of waiting in all).</summary>
    public const int ActAttempts = 10;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    private readonly HttpClient http;
    private readonly Func<SocketsHttpHandler> handlers;
    private TableProgress table = null!;
    private readonly ConcurrentDictionary<(long Hand, long Turn), bool> turns = new();
    private readonly ConcurrentBag<long> acceptedAt = [];
    private readonly ConcurrentQueue<string> failures = new();
    private readonly List<Task> acting = [];
    private HubConnection? hub;
    private long clientSeq;
    private long lastSeq = -1;
    private int retries;
    private int reconnects;
    private int timeouts;
    private int replays;
    private string? lastProblem;
    private volatile bool leaving;

    private TablePlayer(Uri https, RemoteCertificateValidationCallback trusts, IPAddress source, string name)
    {
        // SignalR disposes the handler of a connection it drops: each connection attempt gets its own.
        handlers = () => NginxClient.Handler(trusts, source);
        http = new HttpClient(handlers()) { BaseAddress = https, Timeout = TimeSpan.FromSeconds(30) };
        Name = name;
    }

    public string Name { get; }

    /// <summary>
    /// Sends every accepted action once more with the same <c>clientSeq</c>, as a client whose answer was lost does:
    /// the table must answer it with the first answer and change nothing.
    /// </summary>
    public bool RepeatsActions { get; init; }

    /// <summary>Repeats answered with the first answer (see <see cref="RepeatsActions"/>).</summary>
    public int Replays => replays;

    public long PlayerId { get; private set; }

    public string AccessToken { get; private set; } = "";

    public int Accepted => acceptedAt.Count;

    public int Retries => retries;

    public int Reconnects => reconnects;

    /// <summary>Turns of this player the table's clock decided ("timed out" events about this player's name).</summary>
    public int TimedOut => timeouts;

    public IReadOnlyCollection<string> Failures => failures;

    /// <summary>The last resync that failed (the next reconnect or gap tries again), for diagnostics.</summary>
    public string? LastProblem => lastProblem;

    public int AcceptedBetween(long from, long to) => acceptedAt.Count(at => at >= from && at <= to);

    /// <summary>Signs in through nginx with initData signed by <paramref name="botToken"/>, as the mini-app does.</summary>
    public static async Task<TablePlayer> SignInAsync(Uri https, RemoteCertificateValidationCallback trusts, IPAddress source, string botToken, long telegramId, string name, bool repeatsActions = false)
    {
        var player = new TablePlayer(https, trusts, source, name) { RepeatsActions = repeatsActions };
        var initData = TelegramInitDataValidator.Sign(botToken, new Dictionary<string, string>
        {
            ["user"] = JsonSerializer.Serialize(new { id = telegramId, first_name = name }),
            ["auth_date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var auth = await player.SendAsync<AuthResponse>(HttpMethod.Post, "/api/auth/telegram", new { initData });
        player.AccessToken = auth.AccessToken;
        player.PlayerId = auth.Player.Profile.PlayerId;
        return player;
    }

    /// <summary>A request through nginx as this player; a non-success answer throws with its body.</summary>
    public async Task<T> SendAsync<T>(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (AccessToken.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AccessToken);
        }

        using var answer = await http.SendAsync(request);
        var text = await answer.Content.ReadAsStringAsync();
        if (!answer.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{Name}: {method} {path}: {(int)answer.StatusCode} {text}", null, answer.StatusCode);
        }

        return JsonSerializer.Deserialize<T>(text, Json)!;
    }

    /// <summary>
    /// Connects the hub (WebSocket only: nothing but an upgraded connection through nginx succeeds), watches the table
    /// and sits down with <paramref name="buyIn"/>.
    /// </summary>
    public async Task JoinAsync(TableProgress progress, long buyIn)
    {
        table = progress;
        hub = new HubConnectionBuilder()
            .WithUrl(new Uri(http.BaseAddress!, "/hubs/table"), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.AccessTokenProvider = () => Task.FromResult<string?>(AccessToken);
                options.HttpMessageHandlerFactory = _ => handlers();
                options.WebSocketFactory = async (context, token) =>
                {
                    // Through this player's handler: its source address and the test certificate.
                    var socket = new ClientWebSocket();
                    socket.Options.SetRequestHeader("Authorization", "Bearer " + AccessToken);
                    await socket.ConnectAsync(context.Uri, new HttpMessageInvoker(handlers()), token);
                    return socket;
                };
            })
            .WithAutomaticReconnect(new Backoff())
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        hub.On<TableSnapshot>(TableHub.SnapshotMethod, OnSnapshot);
        hub.On<TableEventMessage>(TableHub.EventMethod, OnEvent);
        hub.On<YourTurnMessage>(TableHub.YourTurnMethod, turn => Start(() => TakeTurn(turn.HandNo, turn.TurnId, turn.Legal)));
        hub.Reconnected += _ =>
        {
            Interlocked.Increment(ref reconnects);
            Start(Resync);
            return Task.CompletedTask;
        };
        await hub.StartAsync();
        await hub.InvokeAsync("Watch", table.TableId);
        await SendAsync<JoinedResponse>(HttpMethod.Post, $"/api/tables/{table.TableId}/sit", new { buyIn });
    }

    /// <summary>
    /// Stops acting (what is in flight completes), leaves the table (a hand the player is in folds them: the table's
    /// clock acts for them, not counted as a lost turn) and waits until the seat is gone.
    /// </summary>
    public async Task LeaveAsync(TimeSpan timeout)
    {
        leaving = true;
        Task[] pending;
        lock (acting)
        {
            pending = [.. acting];
        }

        await Task.WhenAll(pending);
        await SendAsync<ChipsResponse>(HttpMethod.Post, $"/api/tables/{table.TableId}/leave");
        var clock = Stopwatch.StartNew();
        while ((await StateAsync()).View.Seats.Any(s => s.PlayerId == PlayerId))
        {
            Assert.True(clock.Elapsed < timeout, $"{Name} still seated {timeout} after leaving");
            await Task.Delay(200);
        }
    }

    public Task<TableSnapshot> StateAsync() => SendAsync<TableSnapshot>(HttpMethod.Get, $"/api/tables/{table.TableId}/state");

    private void OnSnapshot(TableSnapshot snapshot)
    {
        Interlocked.Exchange(ref lastSeq, snapshot.EventSeq);
        Observe(snapshot);
    }

    private void OnEvent(TableEventMessage message)
    {
        table.Saw(message.EventSeq, message.View.HandNo);
        if (!leaving && message.Kind == TableEventKind.Action && message.Description.StartsWith(Name + " timed out", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref timeouts);
        }

        // A gap in the stream (events lost while the connection changed): the view is re-read.
        var previous = Interlocked.Exchange(ref lastSeq, message.EventSeq);
        if (previous >= 0 && message.EventSeq > previous + 1)
        {
            Start(Resync);
        }
    }

    /// <summary>After a reconnect or a gap: watch again (the gateway may be another one) and re-read the table.</summary>
    private async Task Resync()
    {
        await hub!.InvokeAsync("Watch", table.TableId);
        Observe(await StateAsync());
    }

    private void Observe(TableSnapshot snapshot)
    {
        table.Saw(snapshot.EventSeq, snapshot.View.HandNo);
        if (snapshot.Mine is { Legal: { } legal } mine && snapshot.View.ActorSeat == mine.Seat && snapshot.View.TurnId > 0)
        {
            Start(() => TakeTurn(snapshot.View.HandNo, snapshot.View.TurnId, legal));
        }
    }

    private async Task TakeTurn(long handNo, long turnId, LegalActions legal)
    {
        if (leaving || !turns.TryAdd((handNo, turnId), true))
        {
            return; // already answered (yourTurn and a resync can both name the same turn)
        }

        var action = legal.CanCheck ? ActionKind.Check : legal.CallAmount is not null ? ActionKind.Call : ActionKind.Fold;
        var seq = Interlocked.Increment(ref clientSeq);
        var what = $"{Name} hand {handNo} turn {turnId} {action} (clientSeq {seq})";
        if (await ActAsync(handNo, turnId, action, seq, what) is not { } first)
        {
            return;
        }

        acceptedAt.Add(Stopwatch.GetTimestamp());
        if (RepeatsActions && await ActAsync(handNo, turnId, action, seq, what + ", repeated") is { } again)
        {
            // A client whose answer was lost sends the action again: the table answers with the first answer.
            if (again == first)
            {
                Interlocked.Increment(ref replays);
            }
            else
            {
                failures.Enqueue($"{what}: the repeat was answered {again}, the first time {first}");
            }
        }
    }

    /// <summary>
    /// <c>Act</c> until answered: a retryable failure (not connected, the connection dropped mid-call, the servers
    /// behind unavailable) is retried with the same <c>clientSeq</c> up to <see cref="ActAttempts"/> times; a refusal
    /// is final. Null, with the failure recorded, when there is no answer.
    /// </summary>
    private async Task<ActResult?> ActAsync(long handNo, long turnId, ActionKind action, long seq, string what)
    {
        Exception? last = null;
        for (var attempt = 0; attempt < ActAttempts; attempt++)
        {
            if (attempt > 0)
            {
                Interlocked.Increment(ref retries);
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(8000, 250 << attempt)));
            }

            try
            {
                return await hub!.InvokeAsync<ActResult>("Act", table.TableId, handNo, turnId, action, 0L, null, seq);
            }
            catch (HubException refusal) when (!Retryable(refusal.Message))
            {
                failures.Enqueue($"{what}: refused: {refusal.Message}");
                return null;
            }
            catch (Exception e) when (e is HubException or InvalidOperationException or IOException or WebSocketException or OperationCanceledException or HttpRequestException)
            {
                last = e;
            }
        }

        failures.Enqueue($"{what}: {ActAttempts} attempts failed: {last?.GetType().Name}: {last?.Message}");
        return null;
    }

    /// <summary>
    /// The server's <c>code: detail</c> (after "HubException: " in what the client sees): 5xx classes and the hub's rate
    /// limit are worth a retry, as is an error without a code; a refusal of the action itself is not.
    /// </summary>
    private static bool Retryable(string message)
    {
        const string Marker = "HubException: ";
        var at = message.LastIndexOf(Marker, StringComparison.Ordinal);
        if (at < 0)
        {
            return true;
        }

        var code = message[(at + Marker.Length)..].Split(':', 2)[0];
        return code is "unavailable" or "internal_error" or "rate_limited";
    }

    private void Start(Func<Task> work)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await work();
            }
            catch (Exception e) when (e is HubException or InvalidOperationException or IOException or HttpRequestException or WebSocketException or OperationCanceledException)
            {
                // A resync that failed meanwhile: the next reconnect or gap resyncs again.
                lastProblem = $"{e.GetType().Name}: {e.Message}";
            }
        });
        lock (acting)
        {
            acting.RemoveAll(t => t.IsCompleted);
            acting.Add(task);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (hub is not null)
        {
            await hub.DisposeAsync();
        }

        http.Dispose();
    }

    /// <summary>The mini-app's reconnect schedule: 0.5 s doubling up to 10 s, forever.</summary>
    private sealed class Backoff : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
            TimeSpan.FromMilliseconds(Math.Min(10_000, 500 * Math.Pow(2, Math.Min(retryContext.PreviousRetryCount, 10))));
    }
}
