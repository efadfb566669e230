using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Poker.Gateway.Contracts;
using Orleans.Poker.Gateway.Load;
using Orleans.Poker.Gateway.Relay;
using Orleans.Poker.Grains.Interfaces.Tables;

// Usage: dotnet run --project tests/Gateway.Load -- [--quick] [--url http://127.0.0.1:8080[,http://127.0.0.1:8090]]
//        [--clients N] [--tables M] [--seconds S] [--template nlhe-cash]
// Signs in N guests, creates M tables, seats up to 6 players per table (they act passively on yourTurn), lets the
// rest watch, and measures actions/s and the latency from sending an action to the last viewer's receipt of its event.
var arguments = Args.Parse(args);
var urls = arguments.Get("url", "http://127.0.0.1:8080").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(u => new Uri(u)).ToArray();
var quick = arguments.Has("quick");
var clientCount = int.Parse(arguments.Get("clients", quick ? "60" : "600"), CultureInfo.InvariantCulture);
var tableCount = int.Parse(arguments.Get("tables", quick ? "6" : "60"), CultureInfo.InvariantCulture);
var seconds = int.Parse(arguments.Get("seconds", quick ? "15" : "60"), CultureInfo.InvariantCulture);
var template = arguments.Get("template", "nlhe-cash");
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };
using var http = new HttpClient();

async Task<AuthResponse> SignIn(Uri url, int i)
{
    var response = await http.PostAsJsonAsync(new Uri(url, "/api/auth/guest"), new { name = $"load{i}" });
    response.EnsureSuccessStatusCode();
    return (await response.Content.ReadFromJsonAsync<AuthResponse>(json))!;
}

async Task Post(Uri url, string token, string path, object body)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(url, path)) { Content = JsonContent.Create(body) };
    request.Headers.Authorization = new("Bearer", token);
    (await http.SendAsync(request)).EnsureSuccessStatusCode();
}

var start = Stopwatch.StartNew();
var users = await Task.WhenAll(Enumerable.Range(0, clientCount).Select(i => SignIn(urls[i % urls.Length], i)));
var tables = new List<string>();
var buyIns = new List<long>();
for (var t = 0; t < tableCount; t++)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(urls[0], "/api/tables")) { Content = JsonContent.Create(new { templateId = template, name = $"load {t}" }) };
    request.Headers.Authorization = new("Bearer", users[t % users.Length].AccessToken);
    var response = await http.SendAsync(request);
    response.EnsureSuccessStatusCode();
    var created = (await response.Content.ReadFromJsonAsync<TableCreatedResponse>(json))!.Table;
    tables.Add(created.TableId);
    buyIns.Add(Math.Min(created.MaxBuyIn, created.MinBuyIn * 2));
}

var sent = new ConcurrentDictionary<(string, long), long>();
var receipts = new ConcurrentDictionary<(string, long), (int Count, long Last)>();
var viewersPerTable = new int[tableCount];
long actions = 0, errors = 0;
var connections = new List<HubConnection>();
for (var i = 0; i < clientCount; i++)
{
    var tableIndex = i % tableCount;
    var tableId = tables[tableIndex];
    var seat = i / tableCount;
    var url = urls[i % urls.Length];
    var user = users[i];
    if (seat < 6)
    {
        await Post(url, user.AccessToken, $"/api/tables/{tableId}/sit", new { buyIn = buyIns[tableIndex], seat });
    }

    var connection = new HubConnectionBuilder()
        .WithUrl(new Uri(url, "/hubs/table"), o => o.AccessTokenProvider = () => Task.FromResult<string?>(user.AccessToken))
        .AddJsonProtocol(o => o.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter()))
        .Build();
    connection.On<TableEventMessage>("event", e => receipts.AddOrUpdate((e.TableId, e.EventSeq), _ => (1, Stopwatch.GetTimestamp()), (_, r) => (r.Count + 1, Stopwatch.GetTimestamp())));
    var clientSeq = 0L;
    connection.On<YourTurnMessage>("yourTurn", turn => _ = Task.Run(async () =>
    {
        var action = turn.Legal.CanCheck ? ActionKind.Check : turn.Legal.CallAmount is not null ? ActionKind.Call : ActionKind.Fold;
        var at = Stopwatch.GetTimestamp();
        try
        {
            var result = await connection.InvokeAsync<ActResult>("Act", turn.TableId, action, 0L, null, Interlocked.Increment(ref clientSeq));
            sent[(turn.TableId, result.EventSeq)] = at;
            Interlocked.Increment(ref actions);
        }
        catch (Exception)
        {
            Interlocked.Increment(ref errors);
        }
    }));
    await connection.StartAsync();
    await connection.InvokeAsync("Watch", tableId);
    viewersPerTable[tableIndex]++;
    connections.Add(connection);
}

var setup = start.Elapsed;
var actionsBefore = Interlocked.Read(ref actions);
var measured = Stopwatch.StartNew();
await Task.Delay(TimeSpan.FromSeconds(seconds));
var actionsDone = Interlocked.Read(ref actions) - actionsBefore;
var elapsed = measured.Elapsed;
var latencies = sent
    .Select(s => (s.Key, s.Value, Receipt: receipts.TryGetValue(s.Key, out var r) ? r : default))
    .Where(s => s.Receipt.Count >= viewersPerTable[tables.IndexOf(s.Key.Item1)])
    .Select(s => Stopwatch.GetElapsedTime(s.Value, s.Receipt.Last).TotalMilliseconds)
    .Order()
    .ToArray();
double Percentile(double p) => latencies.Length == 0 ? double.NaN : latencies[Math.Min(latencies.Length - 1, (int)Math.Ceiling(p * latencies.Length) - 1)];
Console.WriteLine(FormattableString.Invariant($"gateway_load_clients {clientCount} connections"));
Console.WriteLine(FormattableString.Invariant($"gateway_load_tables {tableCount} tables"));
Console.WriteLine(FormattableString.Invariant($"gateway_load_gateways {urls.Length} gateways"));
Console.WriteLine(FormattableString.Invariant($"gateway_load_setup {setup.TotalSeconds:F1} s"));
Console.WriteLine(FormattableString.Invariant($"gateway_actions_per_second {actionsDone / elapsed.TotalSeconds:F1} actions/s"));
Console.WriteLine(FormattableString.Invariant($"gateway_action_to_last_viewer_p50 {Percentile(0.50):F2} ms"));
Console.WriteLine(FormattableString.Invariant($"gateway_action_to_last_viewer_p95 {Percentile(0.95):F2} ms"));
Console.WriteLine(FormattableString.Invariant($"gateway_action_to_last_viewer_p99 {Percentile(0.99):F2} ms"));
Console.WriteLine(FormattableString.Invariant($"gateway_load_samples {latencies.Length} actions"));
Console.WriteLine(FormattableString.Invariant($"gateway_load_errors {Interlocked.Read(ref errors)} calls"));
await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
return latencies.Length > 0 ? 0 : 1;
