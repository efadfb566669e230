using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.Poker.Grains.Analytics;
using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Poker.Grains.Storage;
using Orleans.Poker.Grains.Telemetry;
using Orleans.TestingHost;

namespace Orleans.Poker.Grains.Tests.Admin;

/// <summary>
/// The silo posts new insights to <c>POKER__Analytics__InsightWebhookUrl</c>: a receiver that fails gets the same insight
/// again at the next check, and once it took it, never again.
/// </summary>
public sealed class InsightWebhookTests : IAsyncLifetime
{
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<JsonElement> received = new();
    private readonly ConcurrentQueue<HttpStatusCode> answers = new();
    private InProcessTestCluster cluster = null!;

    public async Task InitializeAsync()
    {
        var url = $"http://127.0.0.1:{FreePort()}/hooks/insights/";
        listener.Prefixes.Add(url);
        listener.Start();
        _ = Task.Run(Receive);
        cluster = await TestSilo.DeployAsync(() => TestSilo.Build(time, builder => builder.ConfigureSiloHost((_, host) =>
            host.Services.Configure<AnalyticsOptions>(o => o.InsightWebhookUrl = url))));
    }

    public async Task DisposeAsync()
    {
        listener.Close();
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_failed_post_is_retried_at_the_next_check_and_a_delivered_insight_is_not_posted_again()
    {
        var metrics = cluster.Silos[0].ServiceProvider.GetRequiredService<StorageMetrics>();
        answers.Enqueue(HttpStatusCode.InternalServerError);
        answers.Enqueue(HttpStatusCode.NoContent);

        await Tick();
        Fail(metrics, 5);
        await Tick();
        var afterFailure = received.Count;
        Fail(metrics, 5);
        await Tick();
        var afterRetry = received.Count;
        await Tick();

        Assert.Equal((1, 2, 2), (afterFailure, afterRetry, received.Count));
        var bodies = received.Select(b => Assert.Single(b.GetProperty("insights").EnumerateArray())).ToList();
        Assert.Equal(bodies[0].GetProperty("id").GetInt64(), bodies[1].GetProperty("id").GetInt64());
        Assert.Equal(("storage_errors", "critical", "storage_errors:room"),
            (bodies[0].GetProperty("kind").GetString(), bodies[0].GetProperty("severity").GetString(), bodies[0].GetProperty("conditionKey").GetString()));
        Assert.Equal(5, bodies[0].GetProperty("details").GetProperty("failures").GetInt32());
        var store = cluster.Silos[0].ServiceProvider.GetRequiredService<IInsightStore>();
        Assert.Empty(await store.PendingAsync(InsightChannel.Webhook, time.GetUtcNow().AddDays(-1), 10));
    }

    private async Task Tick()
    {
        time.Advance(TimeSpan.FromMinutes(1));
        var analytics = cluster.Client.GetGrain<IAnalyticsGrain>(IAnalyticsGrain.Key);
        await cluster.Client.GetGrain<IRemindable>(analytics.GetGrainId()).ReceiveReminder("analytics", default);
    }

    private async Task Receive()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using (var body = await JsonDocument.ParseAsync(context.Request.InputStream))
            {
                received.Enqueue(body.RootElement.Clone());
            }

            context.Response.StatusCode = (int)(answers.TryDequeue(out var status) ? status : HttpStatusCode.OK);
            context.Response.Close();
        }
    }

    private static void Fail(StorageMetrics metrics, int times)
    {
        for (var i = 0; i < times; i++)
        {
            metrics.GrainCallFailed();
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
