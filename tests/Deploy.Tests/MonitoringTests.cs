using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using OpenTelemetry.Metrics;
using Orleans.Poker.ServiceDefaults.Telemetry;

namespace Orleans.Poker.Deploy.Tests;

/// <summary>
/// <c>infra/monitoring</c>: the Prometheus configuration is valid, every alert rule is unit-tested with <c>promtool</c>
/// (Debian's <c>prometheus</c> package, installed by infra/test.sh) on synthetic series, and a real Prometheus scrapes
/// a running silo and gateway on their management ports.
/// </summary>
public sealed partial class MonitoringTests
{
    [Fact]
    public void The_prometheus_configuration_and_its_rules_are_valid()
    {
        var (exit, output) = Promtool("check", "config", Repo.PathOf("infra/monitoring/prometheus.yml"));

        Assert.True(exit == 0, output);
        Assert.Contains("SUCCESS: 11 rules found", output, StringComparison.Ordinal);
    }

    [Fact]
    public void The_processes_are_scraped_only_from_the_target_files_which_ship_the_defaults_of_one_host()
    {
        var jobs = YamlFiles.Load("infra/monitoring/prometheus.yml").Single().Seq("scrape_configs")
            .Where(j => j.Str("job_name")!.StartsWith("poker-", StringComparison.Ordinal)).ToList();
        var shipped = new[] { "silo", "gateway", "bot" }.ToDictionary(
            kind => kind,
            kind => JsonDocument.Parse(Repo.Read($"infra/monitoring/targets/{kind}-default.json")).RootElement[0].GetProperty("targets")[0].GetString());

        // A fixed target beside poker-deploy's files (other ports) would be down for good and page PokerProcessDown.
        Assert.Equal(["poker-silo", "poker-gateway", "poker-bot"], jobs.Select(j => j.Str("job_name")));
        Assert.All(jobs, j => Assert.Null(j.Get("static_configs")));
        Assert.All(jobs, j => Assert.Equal($"targets/{j.Str("job_name")!["poker-".Length..]}-*.json", j.Seq("file_sd_configs").Single().Seq("files").Single().ToString()));
        Assert.Equal(new Dictionary<string, string?> { ["silo"] = "127.0.0.1:9464", ["gateway"] = "127.0.0.1:9465", ["bot"] = "127.0.0.1:9466" }, shipped);
    }

    [Fact]
    public void Every_alert_rule_fires_on_the_series_that_break_it_and_only_there()
    {
        var (exit, output) = Promtool("test", "rules", Repo.PathOf("infra/monitoring/tests/alerts.test.yml"));

        Assert.True(exit == 0, output);
        Assert.Contains("SUCCESS", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_alert_has_a_unit_test()
    {
        var rules = AlertName().Matches(Repo.Read("infra/monitoring/alerts.yml")).Select(m => m.Groups["name"].Value).ToHashSet();
        var tested = TestedAlert().Matches(Repo.Read("infra/monitoring/tests/alerts.test.yml")).Select(m => m.Groups["name"].Value).ToHashSet();

        Assert.Equal(11, rules.Count);
        Assert.Empty(rules.Except(tested));
    }

    [Fact]
    public void Alertmanager_sends_every_alert_with_its_resolution_to_the_bots_receiver_with_a_secret_kept_in_a_file()
    {
        var config = YamlFiles.Load("infra/monitoring/alertmanager.yml").Single();
        var webhook = config.Seq("receivers").Single().Seq("webhook_configs").Single();

        Assert.Equal("telegram", config.At("route").Str("receiver"));
        Assert.EndsWith("/alerts/alertmanager", webhook.Str("url"), StringComparison.Ordinal);
        Assert.Equal("true", webhook.Str("send_resolved"));
        Assert.Equal("Bearer", webhook.At("http_config", "authorization").Str("type"));
        Assert.NotNull(webhook.At("http_config", "authorization").Str("credentials_file"));
        Assert.Null(webhook.At("http_config", "authorization").Get("credentials"));
    }

    [Fact]
    public async Task A_real_prometheus_scrapes_a_silo_and_a_gateway_on_their_management_ports()
    {
        var (siloMetrics, gatewayMetrics, gatewayPort) = (Port(), Port(), Port());
        using var silo = await AppProcess.StartAsync("silo", Repo.BuiltDll("Silo", "Orleans.Poker.Silo.dll"), "POKER__Http__Port", new Dictionary<string, string>
        {
            ["POKER__Cluster__SiloPort"] = Port(),
            ["POKER__Cluster__GatewayPort"] = gatewayPort,
            ["POKER__Telemetry__MetricsPort"] = siloMetrics,
        });
        using var gateway = await AppProcess.StartAsync("gateway", Repo.BuiltDll("Gateway", "Orleans.Poker.Gateway.dll"), "POKER__Http__Port", new Dictionary<string, string>
        {
            ["POKER__Cluster__GatewayPort"] = gatewayPort,
            ["POKER__Telemetry__MetricsPort"] = gatewayMetrics,
        });
        var folder = Directory.CreateTempSubdirectory("poker-prometheus-");
        var config = Path.Combine(folder.FullName, "prometheus.yml");
        File.WriteAllText(config, $$"""
            global: { scrape_interval: 1s, evaluation_interval: 1s }
            rule_files: ["{{Repo.PathOf("infra/monitoring/alerts.yml")}}"]
            scrape_configs:
              - job_name: poker-silo
                static_configs: [{ targets: ["127.0.0.1:{{siloMetrics}}"] }]
              - job_name: poker-gateway
                static_configs: [{ targets: ["127.0.0.1:{{gatewayMetrics}}"] }]
            """);
        var web = Port();
        var start = new ProcessStartInfo("/usr/bin/prometheus") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { $"--config.file={config}", $"--storage.tsdb.path={folder.FullName}/data", $"--web.listen-address=127.0.0.1:{web}" })
        {
            start.ArgumentList.Add(argument);
        }

        using var prometheus = Process.Start(start)!;
        prometheus.OutputDataReceived += (_, _) => { };
        prometheus.ErrorDataReceived += (_, _) => { };
        prometheus.BeginOutputReadLine();
        prometheus.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{web}"), Timeout = TimeSpan.FromSeconds(5) };

            // The seeded tables are open in the silo; the gateway has answered (at least) its readiness checks.
            var up = await QueryUntil(http, "sum(up{job=~\"poker-silo|poker-gateway\"})", v => v == 2);
            var tables = await QueryUntil(http, "sum(poker_tables)", v => v > 0);
            var requests = await QueryUntil(http, "sum(http_server_request_duration_seconds_count{job=\"poker-gateway\"})", v => v > 0);

            Assert.Equal(2, up);
            Assert.True(tables > 0);
            Assert.True(requests > 0);
        }
        finally
        {
            prometheus.Kill(entireProcessTree: true);
            prometheus.WaitForExit(10_000);
            folder.Delete(recursive: true);
        }
    }

    /// <summary>
    /// The database pool alert reads series that exist: Npgsql's pool instruments, registered as every process does
    /// (<c>AddPokerMeters</c>) and named by the same Prometheus exporter, scraped while a pool of one connection has it
    /// in use and a second request waits for it (the pending-requests series exists only once a request has waited).
    /// </summary>
    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task The_database_pool_alert_reads_the_series_npgsql_exports()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddPokerMeters().AddPrometheusExporter(prometheus => prometheus.ScrapeResponseCacheDurationMilliseconds = 0));
        await using var app = builder.Build();
        app.MapPrometheusScrapingEndpoint();
        await app.StartAsync();
        await using var pool = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(DeployTool.AdminConnectionString) { Pooling = true, MaxPoolSize = 1, Timeout = 30 }.ConnectionString);
        await using var held = await pool.OpenConnectionAsync();
        var waiting = pool.OpenConnectionAsync().AsTask();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()), Timeout = TimeSpan.FromSeconds(5) };
        var series = PoolSeries().Matches(Repo.Read("infra/monitoring/alerts.yml")).Select(m => m.Value).Distinct().ToList();
        var scraped = "";
        for (var clock = Stopwatch.StartNew(); clock.Elapsed < TimeSpan.FromSeconds(20) && !series.All(s => Exported(scraped, s)); await Task.Delay(200))
        {
            scraped = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        }

        await held.DisposeAsync();
        await (await waiting).DisposeAsync();
        Assert.Equal(3, series.Count);
        Assert.All(series, s => Assert.True(Exported(scraped, s), $"{s} is not exported:\n{string.Join('\n', scraped.Split('\n').Where(l => l.StartsWith("# TYPE db_", StringComparison.Ordinal)))}"));

        static bool Exported(string metrics, string name) => Regex.IsMatch(metrics, $"^{name}[{{ ]", RegexOptions.Multiline);
    }

    [Fact]
    public void The_alertmanager_configuration_is_valid_for_amtool() =>
        Assert.Contains("SUCCESS", Run("/usr/bin/amtool", "check-config", Repo.PathOf("infra/monitoring/alertmanager.yml")), StringComparison.Ordinal);

    /// <summary>
    /// infra/monitoring/alertmanager.yml in a real Alertmanager (Debian's prometheus-alertmanager), its receiver pointed
    /// at a running bot process and its timers shortened: a critical alert reaches the alert chat through the bot (at
    /// the fake Bot API) at once, and its resolution follows.
    /// </summary>
    [Fact]
    public async Task A_real_alertmanager_sends_an_alert_and_its_resolution_through_the_bot_to_the_alert_chat()
    {
        const long alertChat = -100_555_000_111;
        const string secret = "monitoring-tests-alert-secret-0123456789";
        await using var botApi = await FakeBotApi.Start();
        var gatewayPort = Port();
        using var silo = await AppProcess.StartAsync("silo", Repo.BuiltDll("Silo", "Orleans.Poker.Silo.dll"), "POKER__Http__Port", new Dictionary<string, string>
        {
            ["POKER__Cluster__SiloPort"] = Port(),
            ["POKER__Cluster__GatewayPort"] = gatewayPort,
        });
        using var bot = await AppProcess.StartAsync("bot", Repo.BuiltDll("BotFrontend", "Orleans.Poker.BotFrontend.dll"), "POKER__Bot__Port", new Dictionary<string, string>
        {
            ["POKER__Cluster__GatewayPort"] = gatewayPort,
            ["POKER__Bot__Token"] = "123456:monitoring-test-token",
            ["POKER__Bot__WebhookUrl"] = "https://localhost/telegram/webhook",
            ["POKER__Bot__WebhookSecret"] = "monitoring-tests-webhook-secret",
            ["POKER__Bot__ApiBaseUrl"] = botApi.BaseUrl,
            ["POKER__Bot__AlertWebhookSecret"] = secret,
            ["POKER__Bot__AlertChatIds"] = alertChat.ToString(CultureInfo.InvariantCulture),
        });
        var folder = Directory.CreateTempSubdirectory("poker-alertmanager-");
        var secretFile = Path.Combine(folder.FullName, "alert-webhook-secret");
        File.WriteAllText(secretFile, secret);
        var config = Repo.Read("infra/monitoring/alertmanager.yml")
            .Replace("http://127.0.0.1:8081/alerts/alertmanager", $"http://127.0.0.1:{bot.HttpPort}/alerts/alertmanager", StringComparison.Ordinal)
            .Replace("/etc/prometheus/poker-alert-webhook-secret", secretFile, StringComparison.Ordinal)
            .Replace("group_interval: 5m", "group_interval: 1s", StringComparison.Ordinal);
        Assert.Contains(secretFile, config, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder.FullName, "alertmanager.yml"), config);
        var web = Port();
        var start = new ProcessStartInfo("/usr/bin/prometheus-alertmanager") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
        {
            $"--config.file={Path.Combine(folder.FullName, "alertmanager.yml")}", $"--storage.path={folder.FullName}/data",
            $"--web.listen-address=127.0.0.1:{web}", "--cluster.listen-address=",
        })
        {
            start.ArgumentList.Add(argument);
        }

        using var alertmanager = Process.Start(start)!;
        alertmanager.OutputDataReceived += (_, _) => { };
        alertmanager.ErrorDataReceived += (_, _) => { };
        alertmanager.BeginOutputReadLine();
        alertmanager.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{web}"), Timeout = TimeSpan.FromSeconds(5) };
            var startsAt = DateTimeOffset.UtcNow;
            var after = botApi.LastIndex;
            await PostAlert(http, startsAt, endsAt: null);
            var firing = await botApi.WaitFor(r => r.Method == "sendMessage" && r.ChatId == alertChat, after, TimeSpan.FromSeconds(60));
            await PostAlert(http, startsAt, endsAt: DateTimeOffset.UtcNow);
            var resolved = await botApi.WaitFor(r => r.Method == "sendMessage" && r.ChatId == alertChat && r.Text.Contains("RESOLVED", StringComparison.Ordinal), firing.Index, TimeSpan.FromSeconds(60));

            Assert.StartsWith("🔥 FIRING", firing.Text, StringComparison.Ordinal);
            Assert.Contains("PokerChipConservationViolated [critical]", firing.Text, StringComparison.Ordinal);
            Assert.Contains("PokerChipConservationViolated", resolved.Text, StringComparison.Ordinal);
        }
        finally
        {
            alertmanager.Kill(entireProcessTree: true);
            alertmanager.WaitForExit(10_000);
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Posts one critical alert to Alertmanager's API (retried while it starts); with <paramref name="endsAt"/>, resolved.</summary>
    private static async Task PostAlert(HttpClient http, DateTimeOffset startsAt, DateTimeOffset? endsAt)
    {
        var alert = new Dictionary<string, object>
        {
            ["labels"] = new Dictionary<string, string> { ["alertname"] = "PokerChipConservationViolated", ["severity"] = "critical", ["instance"] = "silo-a:9464" },
            ["annotations"] = new Dictionary<string, string> { ["summary"] = "Chips were not conserved in a hand" },
            ["startsAt"] = startsAt.ToString("O", CultureInfo.InvariantCulture),
        };
        if (endsAt is { } ends)
        {
            alert["endsAt"] = ends.ToString("O", CultureInfo.InvariantCulture);
        }

        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var answer = await http.PostAsJsonAsync(new Uri("/api/v2/alerts", UriKind.Relative), new[] { alert });
                if (answer.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException) when (clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                // Alertmanager is still starting.
            }

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), "Alertmanager did not take the alert");
            await Task.Delay(250);
        }
    }

    /// <summary>Queries Prometheus's HTTP API until the single value of <paramref name="query"/> satisfies <paramref name="done"/>.</summary>
    private static async Task<double> QueryUntil(HttpClient http, string query, Func<double, bool> done)
    {
        var clock = Stopwatch.StartNew();
        double? last = null;
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                var answer = await http.GetFromJsonAsync<JsonElement>(new Uri($"/api/v1/query?query={Uri.EscapeDataString(query)}", UriKind.Relative));
                var result = answer.GetProperty("data").GetProperty("result");
                if (result.GetArrayLength() == 1)
                {
                    last = double.Parse(result[0].GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture);
                    if (done(last.Value))
                    {
                        return last.Value;
                    }
                }
            }
            catch (HttpRequestException)
            {
                // Prometheus is still starting.
            }

            await Task.Delay(500);
        }

        throw new Xunit.Sdk.XunitException($"{query} never satisfied the test (last value {last?.ToString(CultureInfo.InvariantCulture) ?? "none"})");
    }

    private static string Port() => ServerProcesses.FreePort().ToString(CultureInfo.InvariantCulture);

    private static (int Exit, string Output) Promtool(params string[] arguments) => Tool("/usr/bin/promtool", arguments);

    /// <summary>Runs <paramref name="tool"/>; its output, after asserting that it succeeded.</summary>
    private static string Run(string tool, params string[] arguments)
    {
        var (exit, output) = Tool(tool, arguments);
        Assert.True(exit == 0, output);
        return output;
    }

    private static (int Exit, string Output) Tool(string tool, params string[] arguments)
    {
        Assert.True(File.Exists(tool), $"{tool} is missing: infra/test.sh installs Debian's prometheus and prometheus-alertmanager packages");
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(1)), $"{tool} did not finish");
        return (process.ExitCode, output.Result + errors.Result);
    }

    [GeneratedRegex(@"^\s+- alert: (?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex AlertName();

    [GeneratedRegex(@"^\s+alertname: (?<name>\w+)", RegexOptions.Multiline)]
    private static partial Regex TestedAlert();

    /// <summary>The series an alert reads from the database pools: <c>(db_client_connection_…</c> then <c>{</c> or <c>)</c> (labels are not).</summary>
    [GeneratedRegex(@"(?<=\()db_client_connection_\w+(?=[{)])")]
    private static partial Regex PoolSeries();
}
