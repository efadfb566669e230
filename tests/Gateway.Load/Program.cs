using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Poker.Gateway.Contracts;
using Orleans.Poker.Gateway.Load;
using Orleans.Poker.Grains.Interfaces.Tables;

if (args.Contains("--" + Floor.ServerFlag))
{
    return await Floor.Serve();
}

var arguments = Args.Parse(args);
if (arguments.Has("help") || args.Contains("-h"))
{
    Console.WriteLine(Usage.Text);
    return 0;
}

if (arguments.Unknown(Usage.Options) is { Count: > 0 } unknown)
{
    Console.Error.WriteLine($"Unknown option{(unknown.Count > 1 ? "s" : "")}: {string.Join(", ", unknown.Select(u => "--" + u))}. Run with --help for the options.");
    return 2;
}

var clientCount = Int("clients", 60);
var tableCount = Int("tables", 6);
var seatedPerTable = Int("seated", 6);
var seconds = Int("seconds", 10);
var warmup = Int("warmup", 30);
var thinkMs = Int("think-ms", 0);
var sweep = arguments.Has("sweep");
var sweepFrom = Int("sweep-from", 50);
var stepSamples = Int("step-samples", 3000);
var gatewayProcessors = Int("gateway-processors", 1);
const double MaxStepSeconds = 120;
var template = arguments.Get("template", "nlhe-cash");
var log = Console.Error;

// Thousands of connections complete on the thread pool: start with enough threads instead of ramping up mid-run.
ThreadPool.GetMinThreads(out var workers, out var io);
ThreadPool.SetMinThreads(Math.Max(workers, 64), Math.Max(io, 64));

using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stop.Cancel();
};

Topology? topology = null;
try
{
    Uri[] urls;
    if (arguments.Has("spawn"))
    {
        var extra = arguments.Get("server-env", "").Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : "");
        topology = await Topology.StartAsync(arguments.Get("storage", "postgres"), Int("gateways", 2), gatewayProcessors, extra, log);
        urls = [.. topology.Gateways.Select(g => g.Url)];
    }
    else
    {
        urls = [.. arguments.Get("url", "http://127.0.0.1:8080").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(u => new Uri(u))];
        if (await Usage.Unanswered(urls, stop.Token) is { } silent)
        {
            Console.Error.WriteLine($"No gateway answers at {silent.Url} ({silent.Reason}). Start the room (see README) and pass its gateways with --url, or let the tool start its own with --spawn.");
            return 2;
        }
    }

    return await Run(urls, topology, stop.Token);
}
catch (HttpRequestException ex)
{
    log.WriteLine($"A gateway stopped answering during the run ({ex.Message}); no figures.");
    return 3;
}
finally
{
    if (topology is not null)
    {
        await topology.DisposeAsync();
    }
}

async Task<int> Run(Uri[] urls, Topology? servers, CancellationToken cancel)
{
    var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
    using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromSeconds(60) };
    var setup = Stopwatch.StartNew();

    // Guests, spread over the gateways (bounded concurrency; a 429 waits its Retry-After).
    var users = await Bounded(clientCount, 32, async i =>
    {
        using var response = await Send(urls[i % urls.Length], HttpMethod.Post, "/api/auth/guest", null, new { name = $"load{i}" });
        return (await response.Content.ReadFromJsonAsync<AuthResponse>(json, cancel))!;
    });
    var created = await Bounded(tableCount, 8, async t =>
    {
        using var response = await Send(urls[t % urls.Length], HttpMethod.Post, "/api/tables", users[t % users.Length].AccessToken, new { templateId = template, name = $"load {t}" });
        return (await response.Content.ReadFromJsonAsync<TableCreatedResponse>(json, cancel))!.Table;
    });
    var seatsPerTable = Math.Min(seatedPerTable, created[0].MaxPlayers);
    var tables = created.Select((table, t) => new TableLoad(table.TableId, Enumerable.Range(0, clientCount).Count(i => i % tableCount == t))).ToArray();
    log.WriteLine($"# {users.Length} guests signed in, {tables.Length} tables created ({setup.Elapsed.TotalSeconds:F1} s)");

    // Every client connects and watches before anybody sits, so each sees the table's events from its first hand.
    var measuring = false;
    var acting = true;
    long actions = 0, errors = 0, delivered = 0;
    var sizes = new System.Collections.Concurrent.ConcurrentQueue<int>();
    var connections = await Bounded(clientCount, 64, async i =>
    {
        var table = tables[i % tableCount];
        var user = users[i];
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(urls[i % urls.Length], "/hubs/table"), HttpTransportType.WebSockets, o =>
            {
                o.SkipNegotiation = true;
                o.AccessTokenProvider = () => Task.FromResult<string?>(user.AccessToken);
            })
            .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
            .Build();
        if (i < tableCount)
        {
            // One viewer per table reads whole events: their sizes are what the floor sends (--floor).
            connection.On<JsonElement>("event", e =>
            {
                var at = Stopwatch.GetTimestamp();
                if (sizes.Count < 5_000)
                {
                    sizes.Enqueue(System.Text.Encoding.UTF8.GetByteCount(e.GetRawText()));
                }

                Delivered();
                table.Received(e.EnumerateObject().First(p => string.Equals(p.Name, "eventSeq", StringComparison.OrdinalIgnoreCase)).Value.GetInt64(), at);
            });
        }
        else
        {
            connection.On<EventHead>("event", e =>
            {
                Delivered();
                table.Received(e.EventSeq, Stopwatch.GetTimestamp());
            });
        }

        // The hand's result goes to every viewer too; only counted.
        connection.On<JsonElement>("handFinished", _ => Delivered());
        var clientSeq = 0L;
        connection.On<TurnHead>("yourTurn", turn =>
        {
            Delivered();
            // Not awaited: a handler that awaits an invocation would block this connection's receive loop.
            _ = Act(turn);
        });
        await connection.StartAsync(cancel);
        await connection.InvokeAsync("Watch", table.TableId, cancel);
        return connection;

        void Delivered()
        {
            if (Volatile.Read(ref measuring))
            {
                Interlocked.Increment(ref delivered);
            }
        }

        async Task Act(TurnHead turn)
        {
            if (Volatile.Read(ref thinkMs) is var think and > 0)
            {
                await Task.Delay(ThinkTime(think), cancel);
            }

            if (!Volatile.Read(ref acting))
            {
                return;
            }

            var action = turn.Legal.CanCheck ? ActionKind.Check : turn.Legal.CallAmount is not null ? ActionKind.Call : ActionKind.Fold;
            var inWindow = Volatile.Read(ref measuring);
            var sentAt = Stopwatch.GetTimestamp();
            try
            {
                var result = await connection.InvokeAsync<ActResult>("Act", turn.TableId, turn.HandNo, turn.TurnId, action, 0L, null, Interlocked.Increment(ref clientSeq), cancel);
                if (inWindow)
                {
                    table.Acted(result.EventSeq, sentAt, Stopwatch.GetTimestamp());
                    Interlocked.Increment(ref actions);
                }
            }
            catch (Exception) when (!cancel.IsCancellationRequested)
            {
                Interlocked.Increment(ref errors);
            }
        }
    });
    log.WriteLine($"# {connections.Length} hub connections watching ({setup.Elapsed.TotalSeconds:F1} s)");

    await Bounded(clientCount, 32, async i =>
    {
        var seat = i / tableCount;
        if (seat < seatsPerTable)
        {
            var table = created[i % tableCount];
            using var _ = await Send(urls[i % urls.Length], HttpMethod.Post, $"/api/tables/{table.TableId}/sit", users[i].AccessToken, new { buyIn = Math.Min(table.MaxBuyIn, table.MinBuyIn * 2), seat });
        }

        return 0;
    });
    var setupTime = setup.Elapsed;
    Line("clients", clientCount, "connections");
    Line("tables", tableCount, "tables");
    Line("seated", Math.Min(clientCount, seatsPerTable * tableCount), "players");
    Line("gateways", urls.Length, "gateways");
    if (servers is not null)
    {
        Line("gateway_processors", gatewayProcessors > 0 ? gatewayProcessors : Environment.ProcessorCount, "processors");
    }

    Line("setup_s", setupTime.TotalSeconds, "s");
    log.WriteLine($"# players seated; warming up {warmup} s{(servers is null ? "" : " or until the servers stop compiling")}, then measuring {seconds} s{(sweep ? " per step" : "")}");
    if (servers is null)
    {
        await Task.Delay(TimeSpan.FromSeconds(warmup), cancel);
    }
    else
    {
        // Each window reads the servers' /metrics at its ends (ServerLatency). Read it every second while warming up too,
        // so that the exporter's code is compiled and tiered up before the first window, as on a server Prometheus has
        // scraped for a while: otherwise the windows count its first, unoptimized runs and their compilation.
        using var scraping = CancellationTokenSource.CreateLinkedTokenSource(cancel);
        var scraper = ScrapeUntil(scraping.Token);
        Line("warmup_s", (await WarmUp.Steady(servers.All.ToDictionary(p => p.Name, ServerLatency.MetricsOf), http, TimeSpan.FromSeconds(warmup), log, cancel)).TotalSeconds, "s");
        await scraping.CancelAsync();
        await scraper;
    }

    var status = 0;
    if (sweep)
    {
        status = await Sweep();
    }
    else
    {
        var figures = await Window(TimeSpan.FromSeconds(seconds));
        Print(figures, "");
        status = figures.Latencies.Length > 0 ? 0 : 1;
        if (arguments.Has("floor"))
        {
            await CompareWithFloor(figures);
        }
    }

    Volatile.Write(ref acting, false);
    await Bounded(connections.Length, 256, async i =>
    {
        await connections[i].DisposeAsync();
        return 0;
    });
    return status;

    // A player's pause before acting: exponentially distributed around the mean (at most 5x it), as independent people
    // pause, so the tables never fall into step. With one pause for everybody they did: every table acted again one
    // think plus one answer after the last wave, so the actions came in waves (about 150 within a few milliseconds, then
    // next to none) and the waves' own queues, not the rate, made the tail.
    static TimeSpan ThinkTime(int meanMs) => TimeSpan.FromMilliseconds(Math.Min(5.0 * meanMs, -meanMs * Math.Log(1 - Random.Shared.NextDouble())));

    // One measured window: actions sent inside it and their deliveries, every process's CPU, this process's timer lag.
    async Task<WindowFigures> Window(TimeSpan length)
    {
        foreach (var table in tables)
        {
            table.Clear();
        }

        using var lagStop = new CancellationTokenSource();
        var lag = MeasureLag(lagStop.Token);
        var self = Process.GetCurrentProcess();
        var selfCpu = self.TotalProcessorTime;
        foreach (var process in servers?.All ?? [])
        {
            process.MarkCpu();
        }

        // The services on this machine too (PostgreSQL, Redis): zero when they run elsewhere.
        var services = new[] { "postgres", "redis-server" }.ToDictionary(n => n, ProcessCpu.Mark);

        // Every process's threads, this tool's own included: their wait for a core (each hop of an action pays it).
        var marks = (servers?.All ?? []).ToDictionary(p => p.Name, p => ThreadTimes.Mark(p.Pid));
        marks["load"] = ThreadTimes.Mark(Environment.ProcessId);
        foreach (var name in services.Keys)
        {
            marks[name] = ThreadTimes.Mark(name);
        }

        var stagesBefore = servers is null ? null : await ServerLatency.Read(servers, http, cancel);
        var (actionsBefore, errorsBefore, deliveredBefore) = (Interlocked.Read(ref actions), Interlocked.Read(ref errors), Interlocked.Read(ref delivered));
        Volatile.Write(ref measuring, true);
        var window = Stopwatch.StartNew();
        await Task.Delay(length, cancel);
        Volatile.Write(ref measuring, false);
        var elapsed = window.Elapsed;
        self.Refresh();
        var loadCores = (self.TotalProcessorTime - selfCpu).TotalSeconds / elapsed.TotalSeconds;
        var serverCores = (servers?.All ?? []).ToDictionary(p => p.Name, p => p.CpuSinceMark().TotalSeconds / elapsed.TotalSeconds);
        foreach (var (name, mark) in services)
        {
            serverCores[name] = mark.Since().TotalSeconds / elapsed.TotalSeconds;
        }

        var threads = marks.ToDictionary(w => w.Key, w => w.Value.Since());
        var stages = stagesBefore is null ? null : (await ServerLatency.Read(servers!, http, cancel))?.Since(stagesBefore);

        lagStop.Cancel();
        var lags = await lag;

        // Let the window's last events reach every viewer (bounded).
        var drain = Stopwatch.StartNew();
        while (drain.Elapsed < TimeSpan.FromSeconds(5) && tables.Any(t => t.Actions().Any(a => a.CompletedAt == 0)))
        {
            await Task.Delay(50, cancel);
        }

        var measured = tables.SelectMany(t => t.Actions()).ToList();
        var complete = measured.Where(a => a.CompletedAt != 0).ToList();
        return new WindowFigures(
            elapsed,
            Interlocked.Read(ref actions) - actionsBefore,
            Interlocked.Read(ref delivered) - deliveredBefore,
            Interlocked.Read(ref errors) - errorsBefore,
            [.. complete.Select(a => Stopwatch.GetElapsedTime(a.SentAt, a.CompletedAt).TotalMilliseconds).Order()],
            [.. measured.Select(a => Stopwatch.GetElapsedTime(a.SentAt, a.AnsweredAt).TotalMilliseconds).Order()],
            measured.Count - complete.Count,
            loadCores,
            Percentile(lags, 0.99),
            serverCores,
            threads,
            stages);
    }

    void Print(WindowFigures figures, string prefix)
    {
        Line($"{prefix}actions_per_s", figures.ActionsPerSecond, "actions/s");
        Line($"{prefix}p50_ms", Percentile(figures.Latencies, 0.50), "ms");
        Line($"{prefix}p95_ms", Percentile(figures.Latencies, 0.95), "ms");
        Line($"{prefix}p99_ms", Percentile(figures.Latencies, 0.99), "ms");
        Line($"{prefix}max_ms", figures.Latencies.Length > 0 ? figures.Latencies[^1] : double.NaN, "ms");
        Line($"{prefix}act_answer_p50_ms", Percentile(figures.Answers, 0.50), "ms");
        Line($"{prefix}act_answer_p99_ms", Percentile(figures.Answers, 0.99), "ms");
        Line($"{prefix}samples", figures.Latencies.Length, "actions");
        Line($"{prefix}incomplete", figures.Incomplete, "actions");
        Line($"{prefix}errors", figures.Errors, "calls");
        Line($"{prefix}load_cpu", figures.LoadCores, "cores");
        Line($"{prefix}load_timer_lag_p99_ms", figures.LagP99, "ms");
        foreach (var (name, cores) in figures.ServerCores)
        {
            Line($"{prefix}{name}_cpu", cores, "cores");
        }

        // How long a thread that became ready waited for a core, on average, and how many waited at once.
        foreach (var (name, threads) in figures.Threads)
        {
            Line($"{prefix}{name}_runq_wait_us", threads.Runs == 0 ? double.NaN : threads.Waited.TotalMicroseconds / threads.Runs, "us");
        }

        // Each server's runtime's time in its JIT compiler (elapsed, so on a busy machine more than its CPU): near zero once warm.
        foreach (var server in figures.Stages is null ? [] : servers!.All)
        {
            Line($"{prefix}{server.Name}_jit_ms_per_s", JitPerSecond(figures, server.Name), "ms/s");
        }

        Line($"{prefix}runq_waiting_threads", figures.Threads.Values.Sum(w => w.Waited.TotalSeconds) / figures.Elapsed.TotalSeconds, "threads");
        foreach (var (name, value, unit) in figures.Stages?.Figures(figures.Elapsed) ?? [])
        {
            Line($"{prefix}{name}", value, unit);
        }

        Line($"{prefix}delivered_per_s", figures.Delivered / figures.Elapsed.TotalSeconds, "messages/s");
        Line($"{prefix}messages_per_action", figures.Actions == 0 ? double.NaN : (double)figures.Delivered / figures.Actions, "messages");
        if (servers is not null && figures.Delivered > 0)
        {
            Line($"{prefix}gateway_cpu_us_per_message", GatewayCpuPerMessage(figures), "us");
        }
    }

    async Task ScrapeUntil(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await ServerLatency.Read(servers!, http, stop);
                await Task.Delay(TimeSpan.FromSeconds(1), stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    double JitPerSecond(WindowFigures figures, string server) => figures.Stages!.Jit[server].TotalMilliseconds / figures.Elapsed.TotalSeconds;

    double GatewayCpuPerMessage(WindowFigures figures) =>
        servers!.Gateways.Sum(g => figures.ServerCores[g.Name]) * figures.Elapsed.TotalSeconds * 1e6 / figures.Delivered;

    // The same connections, groups, message rate, payload sizes and window length, on SignalR alone.
    async Task CompareWithFloor(WindowFigures figures)
    {
        if (servers is null || figures.Delivered == 0 || sizes.IsEmpty)
        {
            log.WriteLine("# --floor needs --spawn (the gateways' CPU is measured on processes this tool started) and messages delivered in the window");
            return;
        }

        // The room keeps playing while the bare hub runs, so the gateways are measured again in the bare hub's own window:
        // both sides under the same load on the machine, at the same moment.
        var (floor, beside) = await Floor.Measure(clientCount, tableCount, figures.Delivered / figures.Elapsed.TotalSeconds / clientCount, [.. sizes],
            gatewayProcessors, TimeSpan.FromSeconds(Math.Min(warmup, 10)), figures.Elapsed, Window, http, log, cancel);
        Line("floor_warmup_s", floor.WarmUp.TotalSeconds, "s");
        Line("floor_jit_ms_per_s", floor.JitMsPerSecond, "ms/s");
        Line("floor_delivered_per_s", floor.MessagesPerSecond, "messages/s");
        Line("floor_cpu", floor.Cores, "cores");
        Line("floor_cpu_us_per_message", floor.CpuMicrosecondsPerMessage, "us");
        Line("gateway_vs_floor", GatewayCpuPerMessage(figures) / floor.CpuMicrosecondsPerMessage, "ratio");
        Line("same_window_actions_per_s", beside.ActionsPerSecond, "actions/s");
        Line("same_window_delivered_per_s", beside.Delivered / beside.Elapsed.TotalSeconds, "messages/s");
        if (beside.Delivered > 0)
        {
            Line("same_window_gateway_cpu_us_per_message", GatewayCpuPerMessage(beside), "us");
            Line("same_window_gateway_vs_floor", GatewayCpuPerMessage(beside) / floor.CpuMicrosecondsPerMessage, "ratio");
        }

        // How much the gateways' runtimes were still compiling in that window, beside floor_jit_ms_per_s.
        foreach (var gateway in beside.Stages is null ? [] : servers.Gateways)
        {
            Line($"same_window_{gateway.Name}_jit_ms_per_s", JitPerSecond(beside, gateway.Name), "ms/s");
        }

        // How often each side's threads were put on a core per message: on this machine every wake-up is dear.
        Line("gateway_thread_runs_per_message", (double)servers.Gateways.Sum(g => figures.Threads[g.Name].Runs) / figures.Delivered, "runs");
        Line("floor_thread_runs_per_message", floor.RunsPerMessage, "runs");
    }

    // Offered load in steps: each seated player waits so that the tables together offer the step's actions/s (from
    // --sweep-from, doubling), then with no wait at all: the saturation throughput. The curve goes to --plot.
    async Task<int> Sweep()
    {
        var seated = Math.Min(clientCount, seatsPerTable * tableCount);
        var steps = new List<WindowFigures>();
        for (var offered = (double)sweepFrom; ; offered *= 2)
        {
            // A table plays one action at a time, at most 1 / (think + answer) a second: think = tables / offered.
            var think = (int)Math.Round(1000.0 * tableCount / offered);
            if (think <= 2)
            {
                break;
            }

            // Long enough for --step-samples actions: a p99 of a few hundred is one stall's, not the step's.
            var length = Math.Max(seconds, Math.Min(stepSamples / offered, MaxStepSeconds));
            var figures = await Step(think, length, $"{offered:0}", $"offered {offered:0} actions/s (think {think} ms) by {seated} players, {length:0} s");
            // The tables stopped following the offered load: only the unthrottled step is left to measure.
            if (steps.Count > 1 && figures.ActionsPerSecond < 1.1 * steps[^2].ActionsPerSecond)
            {
                break;
            }
        }

        await Step(0, seconds, "max", $"as fast as answered by {seated} players");
        var saturation = steps.Max(s => s.ActionsPerSecond);
        Line("saturation_actions_per_s", saturation, "actions/s");
        var half = steps.Where(s => s.ActionsPerSecond <= saturation / 2 && s.Latencies.Length > 0).ToList();
        if (half.Count > 0)
        {
            Line("p99_ms_up_to_half_saturation", half.Max(s => Percentile(s.Latencies, 0.99)), "ms");
        }

        var plot = arguments.Get("plot", "latency-curve.png");
        LatencyCurve.Save(plot, steps, saturation,
            $"{clientCount} connections, {tableCount} tables, {urls.Length} gateways, {arguments.Get("storage", "postgres")}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        log.WriteLine($"# latency curve written to {Path.GetFullPath(plot)}");
        return steps.All(s => s.Latencies.Length > 0) ? 0 : 1;

        async Task<WindowFigures> Step(int think, double length, string label, string what)
        {
            Volatile.Write(ref thinkMs, think);
            await Task.Delay(TimeSpan.FromSeconds(3), cancel);
            log.WriteLine($"# step {steps.Count + 1}: {what}");
            var figures = await Window(TimeSpan.FromSeconds(length));
            Print(figures, $"step_{label}_");
            steps.Add(figures);
            return figures;
        }
    }

    async Task<HttpResponseMessage> Send(Uri url, HttpMethod method, string path, string? token, object body)
    {
        while (true)
        {
            using var request = new HttpRequestMessage(method, new Uri(url, path)) { Content = JsonContent.Create(body) };
            if (token is not null)
            {
                request.Headers.Authorization = new("Bearer", token);
            }

            var response = await http.SendAsync(request, cancel);
            if (response.StatusCode != HttpStatusCode.TooManyRequests)
            {
                if (!response.IsSuccessStatusCode)
                {
                    throw new HttpRequestException($"{method} {path} on {url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(cancel)}");
                }

                return response;
            }

            var retry = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            response.Dispose();
            await Task.Delay(retry, cancel);
        }
    }

    async Task<T[]> Bounded<T>(int count, int parallel, Func<int, Task<T>> work)
    {
        using var gate = new SemaphoreSlim(parallel);
        return await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            await gate.WaitAsync(cancel);
            try
            {
                return await work(i);
            }
            finally
            {
                gate.Release();
            }
        }));
    }
}

// How late a 10 ms timer fires in this process: a loaded or starved generator shows here before it distorts latencies.
static async Task<double[]> MeasureLag(CancellationToken stop)
{
    var lags = new List<double>();
    var tick = TimeSpan.FromMilliseconds(10);
    try
    {
        while (!stop.IsCancellationRequested)
        {
            var at = Stopwatch.GetTimestamp();
            await Task.Delay(tick, stop);
            lags.Add(Math.Max(0, (Stopwatch.GetElapsedTime(at) - tick).TotalMilliseconds));
        }
    }
    catch (OperationCanceledException)
    {
    }

    lags.Sort();
    return [.. lags];
}

static double Percentile(double[] sorted, double p) =>
    sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1))];

static void Line(string name, double value, string unit) =>
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} {value:0.##} {unit}"));

int Int(string name, int fallback)
{
    var text = arguments.Get(name, fallback.ToString(CultureInfo.InvariantCulture));
    return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
        ? value
        : Usage.Fail($"--{name} wants a whole number, not '{text}'. Run with --help for the options.");
}

/// <summary>What one measured window saw.</summary>
internal sealed record WindowFigures(
    TimeSpan Elapsed,
    long Actions,
    long Delivered,
    long Errors,
    double[] Latencies,
    double[] Answers,
    int Incomplete,
    double LoadCores,
    double LagP99,
    Dictionary<string, double> ServerCores,
    Dictionary<string, ThreadTime> Threads,
    ServerLatency? Stages)
{
    public double ActionsPerSecond => Actions / Elapsed.TotalSeconds;
}

/// <summary>The part of an <c>event</c> the tool reads (the rest of the payload is skipped, not materialized).</summary>
internal sealed record EventHead(long EventSeq);

/// <summary>The part of <c>yourTurn</c> the tool reads.</summary>
internal sealed record TurnHead(string TableId, long HandNo, long TurnId, LegalHead Legal);

/// <summary>The part of the legal actions a passive player needs.</summary>
internal sealed record LegalHead(bool CanCheck, long? CallAmount);
