using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Poker.Gateway.Relay;

namespace Orleans.Poker.Gateway.Load;

/// <summary>
/// SignalR's own cost, the floor the gateways are compared with: a bare ASP.NET Core hub in a process of its own
/// (this tool's dll with <c>--floor-server</c>) that sends pre-serialized <c>event</c> messages of the sizes the
/// gateways sent, to groups of the same sizes (one per table), at the rate the gateways delivered; the tool's clients
/// connect to it exactly as to a gateway and count what arrives in a window of the same length.
/// </summary>
internal static class Floor
{
    public const string ServerFlag = "floor-server";

    /// <summary>What the floor server sends: per group, <see cref="EventsPerSecond"/> events cycling through <see cref="Sizes"/>.</summary>
    internal sealed record Plan(int Groups, double EventsPerSecond, int[] Sizes);

    /// <summary>The server side: runs until stopped (by its PID).</summary>
    public static async Task<int> Serve()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls($"http://127.0.0.1:{Environment.GetEnvironmentVariable("POKER__Http__Port")}");
        builder.Services.AddSignalR();
        builder.Services.AddSingleton<Publisher>();
        var app = builder.Build();
        app.UseWebSockets();
        app.MapHub<FloorHub>("/hubs/floor");
        app.MapGet("/health/ready", () => "ready");
        app.MapGet("/metrics", JitTime.Own);
        app.MapPost("/floor/start", (Plan plan, Publisher publisher) =>
        {
            publisher.Start(plan);
            return Microsoft.AspNetCore.Http.Results.Ok();
        });
        await app.RunAsync();
        return 0;
    }

    /// <summary>What the floor server cost in its window.</summary>
    internal sealed record Figures(double CpuMicrosecondsPerMessage, double MessagesPerSecond, double Cores, double RunsPerMessage, TimeSpan WarmUp, double JitMsPerSecond);

    /// <summary>
    /// The client side: <paramref name="clients"/> connections over <paramref name="tables"/> groups, the plan started,
    /// warmed up for at least <paramref name="warmup"/> and until it stops compiling (<see cref="WarmUp"/>), then the floor
    /// server's CPU per message delivered in <paramref name="window"/>, and what <paramref name="alongside"/> measured in a
    /// window of the same length started at the same moment (the gateways', under the same load on the machine).
    /// The server's runtime uses <paramref name="processors"/> processors, as the gateways' does (<see cref="Topology.Processors"/>).
    /// </summary>
    public static async Task<(Figures Floor, WindowFigures Alongside)> Measure(
        int clients, int tables, double eventsPerSecondPerTable, int[] sizes, int processors, TimeSpan warmup, TimeSpan window,
        Func<TimeSpan, Task<WindowFigures>> alongside, HttpClient http, TextWriter log, CancellationToken cancel)
    {
        using var server = ServiceProcess.Start("floor", typeof(Floor).Assembly.Location, ServerProcesses.FreePort(), Topology.Processors(processors), ["--" + ServerFlag]);
        await server.WaitReadyAsync(http);
        var metrics = new Uri(server.Url, "/metrics");
        long received = 0;
        var counting = false;
        var connections = new HubConnection[clients];
        using (var gate = new SemaphoreSlim(64))
        {
            await Task.WhenAll(Enumerable.Range(0, clients).Select(async i =>
            {
                await gate.WaitAsync(cancel);
                try
                {
                    var connection = new HubConnectionBuilder()
                        .WithUrl(new Uri(server.Url, "/hubs/floor"), HttpTransportType.WebSockets, o => o.SkipNegotiation = true)
                        .Build();
                    connection.On<EventHead>("event", _ =>
                    {
                        if (Volatile.Read(ref counting))
                        {
                            Interlocked.Increment(ref received);
                        }
                    });
                    await connection.StartAsync(cancel);
                    await connection.InvokeAsync("Watch", $"table-{i % tables}", cancel);
                    connections[i] = connection;
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        using (var start = await http.PostAsJsonAsync(new Uri(server.Url, "/floor/start"), new Plan(tables, eventsPerSecondPerTable, sizes), cancel))
        {
            start.EnsureSuccessStatusCode();
        }

        log.WriteLine($"# floor: {clients} connections to a bare SignalR hub, {tables} groups, {eventsPerSecondPerTable:0.#} events/s each, payloads of {sizes.Min()}–{sizes.Max()} bytes; warming up {warmup.TotalSeconds:0} s or until it stops compiling");
        var warmed = await WarmUp.Steady(new Dictionary<string, Uri> { ["floor"] = metrics }, http, warmup, log, cancel);
        var jit = await JitTime.Read(http, metrics, cancel);
        server.MarkCpu();
        var threads = ThreadTimes.Mark(server.Pid);
        Volatile.Write(ref counting, true);
        var clock = Stopwatch.StartNew();
        var beside = alongside(window);
        await Task.Delay(window, cancel);
        Volatile.Write(ref counting, false);
        var elapsed = clock.Elapsed;
        var cpu = server.CpuSinceMark();
        var threadTimes = threads.Since();
        jit = await JitTime.Read(http, metrics, cancel) - jit;
        var messages = Interlocked.Read(ref received);
        var besideFigures = await beside;
        await Task.WhenAll(connections.Where(c => c is not null).Select(c => c.DisposeAsync().AsTask()));
        var perMessage = messages == 0 ? double.NaN : 1.0 / messages;
        return (new Figures(cpu.TotalMicroseconds * perMessage, messages / elapsed.TotalSeconds, cpu.TotalSeconds / elapsed.TotalSeconds, threadTimes.Runs * perMessage, warmed, jit.TotalMilliseconds / elapsed.TotalSeconds),
            besideFigures);
    }

    /// <summary>The bare hub: a connection joins its table's group and receives.</summary>
    internal sealed class FloorHub : Hub
    {
        public Task Watch(string group) => Groups.AddToGroupAsync(Context.ConnectionId, group);
    }

    /// <summary>Sends each group its events on a 10 ms tick, each serialized once for the whole group, as the gateways' relay does.</summary>
    internal sealed class Publisher(IHubContext<FloorHub> hub) : IDisposable
    {
        private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
        private readonly CancellationTokenSource stop = new();
        private Task? running;

        public void Start(Plan plan)
        {
            if (running is not null)
            {
                return;
            }

            // Padding that makes each payload its sampled size (the rest of the object is a few dozen bytes).
            var padding = plan.Sizes.Select(size => new string('x', Math.Max(0, size - 40))).ToArray();
            running = Task.Run(async () =>
            {
                var clock = Stopwatch.StartNew();
                var sent = new long[plan.Groups];
                using var tick = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
                long seq = 0;
                while (await tick.WaitForNextTickAsync(stop.Token))
                {
                    var due = (long)(clock.Elapsed.TotalSeconds * plan.EventsPerSecond);
                    for (var group = 0; group < plan.Groups; group++)
                    {
                        for (; sent[group] < due; sent[group]++)
                        {
                            seq++;
                            var payload = PreSerialized.Of(new FloorEvent(sent[group] + 1, padding[(int)(seq % padding.Length)]), Json);
                            _ = hub.Clients.Group($"table-{group}").SendAsync("event", payload, stop.Token);
                        }
                    }
                }
            });
        }

        public void Dispose()
        {
            stop.Cancel();
            stop.Dispose();
        }
    }

    /// <summary>The floor's event: its sequence number (what the clients read) and padding to the sampled size.</summary>
    internal sealed record FloorEvent(long EventSeq, string Pad);
}
