using Xunit.Abstractions;
using System.Diagnostics;
using System.Text;

namespace Orleans.Poker.Deploy.Tests;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DeployToolCollection
{
    public const string Name = "deploy-tool";
}

/// <summary>
/// infra/deploy/poker-deploy end to end on this machine: real PostgreSQL and Redis, real silos, gateways, bot (against
/// a fake Bot API) and nginx started and stopped by the tool under a throwaway root.
/// </summary>
[Collection(DeployToolCollection.Name)]
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class DeployToolTests
{
    private const string Players = "INSERT INTO players (player_id, display_name) VALUES ('p1', 'Ann'), ('p2', 'Bob');" +
        "INSERT INTO wallets (player_id, balance) VALUES ('p1', 1500), ('p2', 700);" +
        "INSERT INTO ledger_transactions (transfer_id, player_id, kind, amount, balance_after, reason) VALUES " +
        "('g1', 'p1', 'grant', 1500, 1500, 'welcome'), ('g2', 'p2', 'grant', 700, 700, 'welcome');";

    // The rows of the two players above (the test's players play on during the update: their rows change after it).
    private const string State = "SELECT player_id, balance FROM wallets WHERE player_id IN ('p1', 'p2') ORDER BY 1;" +
        "SELECT transfer_id, player_id, kind, amount, balance_after FROM ledger_transactions WHERE player_id IN ('p1', 'p2') ORDER BY transaction_id;";

    /// <summary>
    /// Generous: a table stands still between hands (3 s); its silo's stop moves it, hand and watchers, to a new silo
    /// (a few seconds); and when the gateway its players are on is replaced, the table sees none of them until their
    /// hubs reconnect (0.5, 1, 2 ... 10 s) and re-read it, the player to act included. Measured 13–27 s before the
    /// tables were moved at their silo's stop, 6–25 s since.
    /// </summary>
    private static readonly TimeSpan TableGapBound = TimeSpan.FromSeconds(45);

    private readonly ITestOutputHelper output;

    public DeployToolTests(ITestOutputHelper output) => this.output = output;

    [Fact]
    public async Task Help_names_every_command()
    {
        await using var tool = await DeployTool.CreateAsync();
        var (code, text) = await tool.RunAsync("--help");
        Assert.Equal(0, code);
        foreach (var command in new[] { "deploy <release-dir>", "deploy --build", "restart", "status", "rollback", "backup", "verify-backup <file>", "restore <file>", "reload-nginx", "stop", "POKER_DEPLOY_PG_BIN" })
        {
            Assert.Contains(command, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Bad_input_stops_the_tool_with_a_clear_message_and_nothing_goes_live()
    {
        var watch = Stopwatch.StartNew();
        await using var tool = await DeployTool.CreateAsync(new Dictionary<string, string> { ["POKER_DEPLOY_READY_SECONDS"] = "12" });
        var release = tool.Release("0.0.0-good");
        var good = tool.ReadEnv();
        good["POKER_DEPLOY_METRICS_DIR"] = Path.Combine(tool.Root, "textfile");

        // The env file readable by others.
        File.SetUnixFileMode(tool.EnvFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var (code, text) = await tool.RunAsync("deploy", release);
        Assert.Equal(1, code);
        Assert.Contains("has mode 644", text, StringComparison.Ordinal);
        Assert.Contains("chmod 600", text, StringComparison.Ordinal);

        // A required variable missing.
        tool.WriteEnv(good.Where(e => e.Key != "POKER__Auth__JwtKey").ToDictionary());
        (code, text) = await tool.RunAsync("deploy", release);
        Assert.Equal(1, code);
        Assert.Contains("does not set: POKER__Auth__JwtKey", text, StringComparison.Ordinal);

        // An unreachable database.
        tool.WriteEnv(new Dictionary<string, string>(good) { ["POKER__Storage__Postgres"] = good["POKER__Storage__Postgres"].Replace("Port=5432", "Port=1", StringComparison.Ordinal) });
        (code, text) = await tool.RunAsync("deploy", release);
        Assert.Equal(1, code);
        Assert.Contains("PostgreSQL at 127.0.0.1:1 does not answer", text, StringComparison.Ordinal);

        // A failing migration: named, nothing started, nothing live.
        tool.WriteEnv(good);
        var broken = tool.Release("0.0.0-broken", new Dictionary<string, string> { ["9999_broken.sql"] = "ALTER TABLE no_such_table ADD COLUMN x int;" });
        (code, text) = await tool.RunAsync("deploy", broken);
        output.WriteLine(text);
        Assert.Equal(1, code);
        Assert.Contains("migrations failed", text, StringComparison.Ordinal);
        Assert.Contains("in 9999_broken.sql", text, StringComparison.Ordinal);
        Assert.Equal("poker_migration_last_run_success 0", File.ReadAllLines(Path.Combine(tool.Root, "textfile", "poker_migration.prom"))[2]);
        Assert.Contains("backup: ", text, StringComparison.Ordinal); // the backup came before the migration
        Assert.DoesNotContain("silo-0-0", text, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(tool.Root, "current")));

        // A silo that never turns ready (its Redis unreachable): stopped again, nothing live.
        tool.WriteEnv(new Dictionary<string, string>(good) { ["POKER_DEPLOY_SILO_ENV"] = "POKER__Cluster__Redis=127.0.0.1:1" });
        (code, text) = await tool.RunAsync("deploy", release);
        output.WriteLine(text);
        Assert.Equal(1, code);
        Assert.Contains("silo-0-0 did not become ready with version", text, StringComparison.Ordinal);
        Assert.Contains("the running release is untouched", text, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(tool.Root, "current")));
        Assert.Empty(Directory.GetFiles(Path.Combine(tool.Root, "run"), "silo-*.pid"));
        output.WriteLine($"bad input cases: {watch.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>
    /// A Redis that requires a password (and has an ACL user): the data layer check logs in with the <c>password=</c>
    /// and <c>user=</c> of POKER__Cluster__Redis, and a wrong password stops the tool with Redis's refusal and without
    /// the password in its output.
    /// </summary>
    [Fact]
    public async Task The_data_layer_check_logs_in_to_a_redis_that_requires_a_password()
    {
        await using var tool = await DeployTool.CreateAsync();
        using var redis = await RedisServer.StartAsync(tool.Root, "requirepass deploy-redis-password", "user deployer on >deployer-redis-password ~* &* +@all");
        var good = tool.ReadEnv();
        foreach (var configuration in new[] { $"127.0.0.1:{redis.Port},password=deploy-redis-password,abortConnect=false", $"127.0.0.1:{redis.Port}, user=deployer, password=deployer-redis-password" })
        {
            tool.WriteEnv(new Dictionary<string, string>(good) { ["POKER__Cluster__Redis"] = configuration });
            var (code, text) = await tool.RunAsync("backup");
            output.WriteLine(text);
            Assert.True(code == 0, text);
            Assert.Contains($"data layer answers: PostgreSQL 127.0.0.1:5432/{tool.Database}, Redis 127.0.0.1:{redis.Port}", text, StringComparison.Ordinal);
            Assert.DoesNotContain("redis-password", text, StringComparison.Ordinal);
        }

        tool.WriteEnv(new Dictionary<string, string>(good) { ["POKER__Cluster__Redis"] = $"127.0.0.1:{redis.Port},password=wrong-redis-password" });
        var (refused, message) = await tool.RunAsync("backup");
        output.WriteLine(message);
        Assert.Equal(1, refused);
        Assert.Contains($"Redis at 127.0.0.1:{redis.Port} does not answer PING (redis-cli): AUTH failed: WRONGPASS", message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-redis-password", message, StringComparison.Ordinal);
    }

    /// <summary>
    /// A Redis that answers only TLS (<c>ssl=true</c> in POKER__Cluster__Redis, as StackExchange.Redis reads it): the
    /// check pings it over TLS, trusting what OpenSSL's defaults trust (here SSL_CERT_FILE in env, as for the
    /// processes); an untrusted certificate stops the tool with the reason.
    /// </summary>
    [Fact]
    public async Task The_data_layer_check_pings_a_redis_over_tls()
    {
        await using var tool = await DeployTool.CreateAsync();
        tool.WriteCertificate();
        var good = tool.ReadEnv();
        using var redis = await RedisServer.StartTlsAsync(tool.Root, good["POKER_DEPLOY_TLS_CERT"], good["POKER_DEPLOY_TLS_KEY"], "requirepass deploy-redis-password");
        var configuration = $"127.0.0.1:{redis.Port},ssl=True,sslHost=localhost,password=deploy-redis-password";
        tool.WriteEnv(new Dictionary<string, string>(good) { ["POKER__Cluster__Redis"] = configuration, ["SSL_CERT_FILE"] = good["POKER_DEPLOY_TLS_CERT"] });
        var (code, text) = await tool.RunAsync("backup");
        output.WriteLine(text);
        Assert.True(code == 0, text);
        Assert.Contains($"Redis 127.0.0.1:{redis.Port}", text, StringComparison.Ordinal);

        tool.WriteEnv(new Dictionary<string, string>(good) { ["POKER__Cluster__Redis"] = configuration });
        (code, text) = await tool.RunAsync("backup");
        output.WriteLine(text);
        Assert.Equal(1, code);
        Assert.Contains($"Redis at 127.0.0.1:{redis.Port} does not answer PING over TLS (redis-cli): ", text, StringComparison.Ordinal);
        Assert.Contains("certificate", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("deploy-redis-password", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// PostgreSQL's client tools: those of POKER_DEPLOY_PG_BIN (read from env like every setting), else the newest
    /// major version under /usr/lib/postgresql (an older pg_dump refuses a newer server); a folder without pg_dump is
    /// refused by name.
    /// </summary>
    [Fact]
    public async Task The_postgresql_tools_are_those_of_POKER_DEPLOY_PG_BIN_else_the_newest_installed()
    {
        await using var tool = await DeployTool.CreateAsync();
        var good = tool.ReadEnv();
        var (code, text) = await tool.RunAsync("backup");
        Assert.True(code == 0, text);
        var newest = Directory.GetDirectories("/usr/lib/postgresql").OrderBy(d => Version.Parse(Path.GetFileName(d) + ".0")).Last();
        Assert.Contains($"PostgreSQL tools: {newest}/bin", text, StringComparison.Ordinal);

        // A folder of the operator's: its pg_dump (here one that notes its call, then dumps with the newest) is used.
        var bin = Directory.CreateDirectory(Path.Combine(tool.Root, "pg-bin")).FullName;
        var called = Path.Combine(tool.Root, "pg_dump-called");
        File.WriteAllText(Path.Combine(bin, "pg_dump"), $"#!/bin/sh\necho \"$@\" >>'{called}'\nexec '{newest}/bin/pg_dump' \"$@\"\n");
        File.SetUnixFileMode(Path.Combine(bin, "pg_dump"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        tool.WriteEnv(new Dictionary<string, string>(good) { ["POKER_DEPLOY_PG_BIN"] = bin });
        (code, text) = await tool.RunAsync("backup");
        Assert.True(code == 0, text);
        Assert.Contains($"PostgreSQL tools: {bin}", text, StringComparison.Ordinal);
        Assert.Contains("--format=custom", File.ReadAllText(called), StringComparison.Ordinal);

        tool.WriteEnv(new Dictionary<string, string>(good) { ["POKER_DEPLOY_PG_BIN"] = "/usr/lib/postgresql/no-such" });
        (code, text) = await tool.RunAsync("backup");
        Assert.Equal(1, code);
        Assert.Contains("POKER_DEPLOY_PG_BIN=/usr/lib/postgresql/no-such has no pg_dump", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backup_verify_backup_and_restore()
    {
        await using var tool = await DeployTool.CreateAsync(new Dictionary<string, string> { ["POKER_DEPLOY_BACKUP_KEEP"] = "2" });
        var release = tool.Release("0.0.0-data");
        await Migrate(release, tool);
        await tool.ExecuteAsync(Players);
        var before = await tool.RowsAsync(State);
        var textfiles = Path.Combine(tool.Root, "textfile");
        tool.WriteEnv(new Dictionary<string, string>(tool.ReadEnv()) { ["POKER_DEPLOY_METRICS_DIR"] = textfiles });

        var started = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var (code, text) = await tool.RunAsync("backup");
        Assert.True(code == 0, text);
        var file = Path.Combine(tool.Root, "backups", "latest.dump");
        Assert.True(File.Exists(file), text);
        // Every wallet, ledger and chat is in it: the tool's user alone reads it.
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Directory.GetFiles(Path.Combine(tool.Root, "backups"), "poker-*.dump").Single()));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.Combine(tool.Root, "backups")));
        // The good dump's time, for node_exporter's textfile collector and the PokerBackupTooOld alert (as
        // infra/backup/backup.sh leaves it).
        var metric = File.ReadAllLines(Path.Combine(textfiles, "poker_backup.prom"));
        Assert.Equal("# HELP poker_backup_last_success_timestamp_seconds Unix time of the last good pg_dump of the room.", metric[0]);
        Assert.Equal("# TYPE poker_backup_last_success_timestamp_seconds gauge", metric[1]);
        Assert.StartsWith("poker_backup_last_success_timestamp_seconds ", metric[2], StringComparison.Ordinal);
        Assert.InRange(long.Parse(metric[2].Split(' ')[1], System.Globalization.CultureInfo.InvariantCulture), started, DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.Contains("time() - poker_backup_last_success_timestamp_seconds", File.ReadAllText(Repo.PathOf("infra/monitoring/alerts.yml")), StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(textfiles));

        (code, text) = await tool.RunAsync("verify-backup", file);
        output.WriteLine(text);
        Assert.True(code == 0, text);
        Assert.Contains("chips: sum(wallets.balance) = 2200", text, StringComparison.Ordinal);
        Assert.Contains("verify-backup: ", text, StringComparison.Ordinal);
        var scratch = System.Text.RegularExpressions.Regex.Match(text, "restored into (poker_verify_[0-9_]+)").Groups[1].Value;
        Assert.NotEmpty(scratch);
        Assert.Equal("0", await tool.RowsAsync($"SELECT count(*) FROM pg_database WHERE datname = '{scratch}'"));

        // The database moves on: the backup no longer matches it, verify-backup says so and fails.
        await tool.ExecuteAsync("UPDATE wallets SET balance = balance - 100 WHERE player_id = 'p1';" +
            "INSERT INTO ledger_transactions (transfer_id, player_id, kind, amount, balance_after, reason) VALUES ('a1', 'p1', 'admin_adjustment', -100, 1400, 'test');");
        (code, text) = await tool.RunAsync("verify-backup", file);
        Assert.Equal(1, code);
        Assert.Contains("differs", text, StringComparison.Ordinal);

        // A later release's migration adds a table with a foreign key onto a backed-up table's key (as
        // 0007_hand_players.sql does onto hand_histories), and a function.
        await tool.ExecuteAsync("CREATE TABLE later_notes (player_id text NOT NULL REFERENCES players (player_id), note text);" +
            "INSERT INTO later_notes VALUES ('p1', 'after the backup');" +
            "CREATE FUNCTION later_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM later_notes';");

        // restore brings the backed-up state back exactly: what the backup lacks is gone (pg_restore --clean alone
        // stopped at players_pk, which the new foreign key depends on).
        (code, text) = await tool.RunAsync("restore", file);
        output.WriteLine(text);
        Assert.True(code == 0, text);
        Assert.Equal(before, await tool.RowsAsync(State));
        Assert.Equal("True\tTrue\tTrue", await tool.RowsAsync(
            "SELECT to_regclass('public.later_notes') IS NULL, to_regprocedure('public.later_count()') IS NULL, to_regclass('public.players') IS NOT NULL"));

        // A backup that cannot be read restores nothing and changes nothing.
        await tool.ExecuteAsync("UPDATE wallets SET balance = 1 WHERE player_id = 'p1'");
        var cut = Path.Combine(tool.Root, "cut.dump");
        File.WriteAllBytes(cut, File.ReadAllBytes(file)[..(int)(new FileInfo(file).Length / 2)]);
        (code, text) = await tool.RunAsync("restore", cut);
        Assert.Equal(1, code);
        Assert.Contains("the database is as before", text, StringComparison.Ordinal);
        Assert.Equal("1", await tool.RowsAsync("SELECT balance FROM wallets WHERE player_id = 'p1'"));

        // Retention: POKER_DEPLOY_BACKUP_KEEP newest dumps are kept.
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(0, (await tool.RunAsync("backup")).ExitCode);
        }

        Assert.Equal(2, Directory.GetFiles(Path.Combine(tool.Root, "backups"), "poker-*.dump").Length);
    }

    [Fact]
    public async Task First_deploy_update_and_rollback_through_nginx()
    {
        await using var botApi = await FakeBotApi.Start();
        await using var tool = await DeployTool.CreateAsync(new Dictionary<string, string>
        {
            ["POKER_DEPLOY_BOT_ENV"] = "POKER__Bot__ApiBaseUrl=" + botApi.BaseUrl,
            ["POKER__Bot__AlertWebhookSecret"] = AlertSecret,
            ["POKER__Bot__AlertChatIds"] = AlertChat.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await tool.ReportingLogsOnFailure(output, () => DeployUpdateAndRollBack(tool, botApi));
    }

    private async Task DeployUpdateAndRollBack(DeployTool tool, FakeBotApi botApi)
    {
        var trusts = tool.WriteCertificate();
        using var client = NginxClient.Client(tool.Https, trusts);

        // A process's variables file an older version left, readable by everyone: written over, it is 0600 all the same.
        Directory.CreateDirectory(Path.Combine(tool.Root, "run"));
        var stale = Path.Combine(tool.Root, "run", "bot-0.env");
        await File.WriteAllTextAsync(stale, "POKER__Http__Port=1\n");
        File.SetUnixFileMode(stale, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        // (a) first deploy from an empty database.
        var first = tool.Release("0.0.0-first");
        var watch = Stopwatch.StartNew();
        var (code, text) = await tool.RunAsync("deploy", first);
        output.WriteLine(text);
        Assert.True(code == 0, text);
        output.WriteLine($"first deploy: {watch.Elapsed.TotalSeconds:F1} s");
        Assert.Contains("applied 0004_ledger_prize_kind.sql", text, StringComparison.Ordinal);
        Assert.EndsWith("0.0.0-first", new FileInfo(Path.Combine(tool.Root, "current")).LinkTarget, StringComparison.Ordinal);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.True(File.Exists(Path.Combine(tool.Root, "cron", "orleans-poker-backup")));
        Assert.True(File.Exists(Path.Combine(tool.Root, "systemd", "orleans-poker-silo@.service")));
        // A gateway's runtime runs on one processor, as compose's one-CPU limit makes it; the silos on the machine's.
        Assert.Equal("1", ProcessEnvironment(tool, "gateway-0-0").GetValueOrDefault("DOTNET_PROCESSOR_COUNT"));
        Assert.Null(ProcessEnvironment(tool, "silo-0-0").GetValueOrDefault("DOTNET_PROCESSOR_COUNT"));
        Assert.Contains("[Service]\nEnvironment=DOTNET_PROCESSOR_COUNT=1\nEnvironmentFile=", File.ReadAllText(Path.Combine(tool.Root, "systemd", "orleans-poker-gateway@.service")), StringComparison.Ordinal);
        var siloUnit = File.ReadAllText(Path.Combine(tool.Root, "systemd", "orleans-poker-silo@.service"));
        Assert.DoesNotContain("DOTNET_PROCESSOR_COUNT", siloUnit, StringComparison.Ordinal);
        Assert.Contains("[Service]\nEnvironmentFile=", siloUnit, StringComparison.Ordinal);
        // The units' instances read each process's own variables from the file the tool writes as it starts it.
        Assert.Contains("EnvironmentFile=-" + Path.Combine(tool.Root, "run", "silo-%i.env"), siloUnit, StringComparison.Ordinal);
        var siloFile = File.ReadAllLines(Path.Combine(tool.Root, "run", "silo-0-0.env")).Select(l => l.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal(ProcessEnvironment(tool, "silo-0-0")["POKER__Cluster__SiloPort"], siloFile["POKER__Cluster__SiloPort"]);
        Assert.Equal(ProcessEnvironment(tool, "gateway-0-0")["POKER__Http__Port"], File.ReadAllLines(Path.Combine(tool.Root, "run", "gateway-0-0.env")).Single(l => l.StartsWith("POKER__Http__Port=", StringComparison.Ordinal))["POKER__Http__Port=".Length..]);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(tool.Root, "run", "bot-0.env")));
        await AssertWebhook(client, botApi, DeployTool.BotToken);
        await AssertAlert(tool, client, botApi, "first deploy");
        (code, text) = await tool.RunAsync("status");
        Assert.True(code == 0, text);
        // Prometheus's targets: the management ports of the processes running, with their release.
        var portBase = int.Parse(tool.ReadEnv()["POKER_DEPLOY_PORT_BASE"], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(
            $"[{{\"targets\": [\"127.0.0.1:{portBase + 50}\", \"127.0.0.1:{portBase + 51}\"], \"labels\": {{\"release\": \"0.0.0-first\"}}}}]",
            File.ReadAllText(Path.Combine(tool.Root, "monitoring", "targets", "silo-poker.json")).Trim());
        // A renewed certificate is served after reload-nginx (its daily cron line is written).
        (code, text) = await tool.RunAsync("reload-nginx");
        Assert.True(code == 0, text);
        var tls = File.ReadAllLines(Path.Combine(tool.Root, "cron", "orleans-poker-tls"));
        // cron's own PATH (/usr/bin:/bin) has no nginx: the file sets one that has.
        Assert.Equal("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", tls[0]);
        Assert.Contains("reload-nginx", tls[1], StringComparison.Ordinal);

        await tool.ExecuteAsync(Players);
        var before = await tool.RowsAsync(State);

        // Players sign in with Telegram and play through nginx (REST and the hub over wss): a hand right away.
        await using var play = await TablePlay.StartAsync(tool.Https, trusts, DeployTool.BotToken, tableCount: 2, seated: 3);
        watch.Restart();
        await play.PlayHandsAsync(2, TimeSpan.FromSeconds(60));
        output.WriteLine($"first hands through nginx: {watch.Elapsed.TotalSeconds:F1} s");

        // (b) zero-downtime update to a release with one additive script while they keep playing and a client polls.
        var second = tool.Release("0.0.1-second", new Dictionary<string, string>
        {
            ["0099_deploy_test_column.sql"] = "ALTER TABLE players ADD COLUMN deploy_test_note text NULL;",
        });
        using var stop = new CancellationTokenSource();
        var probe = Probe(client, stop.Token);
        var chips = await play.ChipsAsync(tool);
        watch.Restart();
        var from = TablePlay.Mark();
        (code, text) = await tool.RunAsync("deploy", second);
        var to = TablePlay.Mark();
        output.WriteLine(text);
        await stop.CancelAsync();
        var (requests, failures, longestGap) = await probe;
        output.WriteLine($"update: {watch.Elapsed.TotalSeconds:F1} s; requests through nginx during it: {requests}, failed: {failures}, longest gap between successes: {longestGap.TotalMilliseconds:F0} ms");
        Assert.True(code == 0, text);
        Assert.Contains("applied 0099_deploy_test_column.sql", text, StringComparison.Ordinal);
        Assert.Contains("stopping silo-0-0", text, StringComparison.Ordinal);
        // The old silos stop only once the running gateways and bot have read the new ones (POKER__Cluster__GatewayListRefresh, 5 s).
        Assert.InRange(text.IndexOf("waiting 6s: the running gateways and bot read the new silos", StringComparison.Ordinal), 0, text.IndexOf("stopping silo-0-0", StringComparison.Ordinal));
        Assert.EndsWith("0.0.1-second", new FileInfo(Path.Combine(tool.Root, "current")).LinkTarget, StringComparison.Ordinal);
        Assert.Equal(0, failures);

        await PlayedThrough(play, tool, "the update", from, to, chips);
        Assert.Equal("1", await tool.RowsAsync("SELECT count(*) FROM information_schema.columns WHERE table_name = 'players' AND column_name = 'deploy_test_note'"));
        await AssertWebhook(client, botApi, DeployTool.BotToken);
        await AssertAlert(tool, client, botApi, "update");
        await tool.ExecuteAsync("UPDATE wallets SET balance = balance + 5 WHERE player_id = 'p2'");

        // (c) rollback: the update migrated, so the pre-update backup comes back and the first release runs again.
        watch.Restart();
        (code, text) = await tool.RunAsync("rollback");
        output.WriteLine(text);
        output.WriteLine($"rollback: {watch.Elapsed.TotalSeconds:F1} s");
        Assert.True(code == 0, text);
        Assert.EndsWith("0.0.0-first", new FileInfo(Path.Combine(tool.Root, "current")).LinkTarget, StringComparison.Ordinal);
        Assert.Equal(before, await tool.RowsAsync(State));
        Assert.Equal("0", await tool.RowsAsync("SELECT count(*) FROM information_schema.columns WHERE table_name = 'players' AND column_name = 'deploy_test_note'"));
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        await AssertWebhook(client, botApi, DeployTool.BotToken);
        await AssertAlert(tool, client, botApi, "rollback");
    }

    /// <summary>
    /// An update whose new gateway never turns ready (its Redis unreachable) once the old silos have stopped: the live
    /// release's silos start again, nginx stays on its gateways and bot, the new processes stop, and the record of the
    /// live release (`current`, run/color, run/last-deploy) is as before; the room answers through nginx throughout
    /// the end of it. A rollback that fails the same way keeps run/last-deploy, so it can be run again.
    /// </summary>
    [Fact]
    public async Task A_new_gateway_that_never_turns_ready_gives_the_room_back_to_the_running_release()
    {
        await using var botApi = await FakeBotApi.Start();
        await using var tool = await DeployTool.CreateAsync(new Dictionary<string, string> { ["POKER_DEPLOY_BOT_ENV"] = "POKER__Bot__ApiBaseUrl=" + botApi.BaseUrl });
        await tool.ReportingLogsOnFailure(output, () => BackOut(tool));
    }

    private async Task BackOut(DeployTool tool)
    {
        var trusts = tool.WriteCertificate();
        var good = tool.ReadEnv();
        var broken = new Dictionary<string, string>(good) { ["POKER_DEPLOY_GATEWAY_ENV"] = "POKER__Cluster__Redis=127.0.0.1:1", ["POKER_DEPLOY_READY_SECONDS"] = "30" };
        var (code, text) = await tool.RunAsync("deploy", tool.Release("0.0.0-first"));
        Assert.True(code == 0, text);
        (code, text) = await tool.RunAsync("deploy", tool.Release("0.0.1-second"));
        Assert.True(code == 0, text);
        var record = File.ReadAllText(Path.Combine(tool.Root, "run", "last-deploy"));

        // A failed update: to the first release again, through a new gateway that cannot reach Redis.
        tool.WriteEnv(broken);
        (code, text) = await tool.RunAsync("deploy", Path.Combine(tool.Root, "releases", "0.0.0-first"));
        output.WriteLine(text);
        Assert.Equal(1, code);
        Assert.InRange(text.IndexOf("stopping silo-1-0", StringComparison.Ordinal), 0, text.IndexOf("gateway-0-0 did not become ready", StringComparison.Ordinal));
        Assert.Contains("gateway 0 of 0.0.0-first not ready: deployment stopped, 0.0.1-second runs as before", text, StringComparison.Ordinal);
        await AssertLive(tool, trusts, "0.0.1-second", color: 1);
        Assert.Equal(record, File.ReadAllText(Path.Combine(tool.Root, "run", "last-deploy")));

        // The rollback to the first release fails the same way: the second stays live, and the record stays to try again.
        (code, text) = await tool.RunAsync("rollback");
        output.WriteLine(text);
        Assert.Equal(1, code);
        Assert.Contains("0.0.1-second runs as before", text, StringComparison.Ordinal);
        await AssertLive(tool, trusts, "0.0.1-second", color: 1);
        Assert.Equal(record, File.ReadAllText(Path.Combine(tool.Root, "run", "last-deploy")));

        // A run that stopped midway after color 1's silos had stopped left color 0 serving (as its pid file says): a
        // new run refuses instead of stopping color 0 as what an earlier attempt left.
        var silo = Path.Combine(tool.Root, "run", "silo-1-0.pid");
        File.Move(silo, silo + ".kept");
        using (var other = Process.Start(new ProcessStartInfo("sleep", "120")) ?? throw new InvalidOperationException("no sleep"))
        {
            await File.WriteAllTextAsync(Path.Combine(tool.Root, "run", "silo-0-0.pid"), other.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            (code, text) = await tool.RunAsync("restart");
            output.WriteLine(text);
            Assert.Equal(1, code);
            Assert.Contains("an earlier run stopped midway: the silos of color 1 are stopped and color 0 serves the room", text, StringComparison.Ordinal);
            Assert.False(other.HasExited);
            other.Kill();
        }

        File.Delete(Path.Combine(tool.Root, "run", "silo-0-0.pid"));
        File.Move(silo + ".kept", silo);

        // A restore into the live room of a backup taken before its release's last migration (as every deploy takes
        // one before migrating): the migration runs before the room starts again. The path is relative to --root.
        tool.WriteEnv(good);
        await tool.ExecuteAsync("DROP TABLE lobby_tables; DELETE FROM schemaversions WHERE scriptname LIKE '%0015_lobby_tables%'");
        Assert.Equal(0, (await tool.RunAsync("backup")).ExitCode);
        (code, text) = await tool.RunAsync("restore", "backups/latest.dump");
        output.WriteLine(text);
        Assert.True(code == 0, text);
        Assert.Equal("True", await tool.RowsAsync("SELECT to_regclass('public.lobby_tables') IS NOT NULL"));
        await AssertLive(tool, trusts, "0.0.1-second", color: 1);

        // A backup that cannot be read restores nothing, and the room runs again.
        var cut = Path.Combine(tool.Root, "cut.dump");
        var whole = File.ReadAllBytes(Path.Combine(tool.Root, "backups", "latest.dump"));
        File.WriteAllBytes(cut, whole[..(whole.Length / 2)]);
        (code, text) = await tool.RunAsync("restore", cut);
        output.WriteLine(text);
        Assert.Equal(1, code);
        Assert.Contains("restore stopped: the database is as before, and 0.0.1-second runs again", text, StringComparison.Ordinal);
        await AssertLive(tool, trusts, "0.0.1-second", color: 1);

        // The recovery the stopped-midway refusal advises: stop, then deploy the release (the live one included).
        Assert.Equal(0, (await tool.RunAsync("stop")).ExitCode);
        (code, text) = await tool.RunAsync("deploy", Path.Combine(tool.Root, "releases", "0.0.1-second"));
        output.WriteLine(text);
        Assert.True(code == 0, text);
        await AssertLive(tool, trusts, "0.0.1-second", color: 0);
    }

    /// <summary><paramref name="release"/> is live on <paramref name="color"/> alone, and a player signs in through nginx.</summary>
    private static async Task AssertLive(DeployTool tool, System.Net.Security.RemoteCertificateValidationCallback trusts, string release, int color)
    {
        Assert.EndsWith(release, new FileInfo(Path.Combine(tool.Root, "current")).LinkTarget, StringComparison.Ordinal);
        Assert.Equal(color.ToString(System.Globalization.CultureInfo.InvariantCulture), File.ReadAllText(Path.Combine(tool.Root, "run", "color")).Trim());
        Assert.Equal(new[] { $"bot-{color}", $"gateway-{color}-0", $"gateway-{color}-1", $"silo-{color}-0", $"silo-{color}-1" },
            Directory.GetFiles(Path.Combine(tool.Root, "run"), "*.pid").Select(f => Path.GetFileNameWithoutExtension(f)).Where(n => n != "nginx").Order(StringComparer.Ordinal));
        var (code, text) = await tool.RunAsync("status");
        Assert.True(code == 0, text);
        Assert.DoesNotContain("NOT running", text, StringComparison.Ordinal);
        var id = Random.Shared.NextInt64(1_000_000_000, 8_000_000_000);
        await using var player = await TablePlayer.SignInAsync(tool.Https, trusts, System.Net.IPAddress.Parse("127.0.0.60"), DeployTool.BotToken, id, $"Player{id}");
        Assert.True(player.PlayerId > 0);
    }

    [Fact]
    public async Task Deploy_build_publishes_a_clean_clone_and_refuses_a_dirty_tree()
    {
        await using var botApi = await FakeBotApi.Start();
        await using var tool = await DeployTool.CreateAsync(new Dictionary<string, string> { ["POKER_DEPLOY_BOT_ENV"] = "POKER__Bot__ApiBaseUrl=" + botApi.BaseUrl });
        var trusts = tool.WriteCertificate();
        // A clean clone of the commit under test: what an operator checks out on the host.
        var commit = (await Git(Repo.Root, "rev-parse", "HEAD")).Trim();
        var clone = Path.Combine(tool.Root, "src");
        await Git(Repo.Root, "clone", "--quiet", "--no-checkout", Repo.Root, clone);
        await Git(clone, "checkout", "--quiet", "--detach", commit);
        var release = Path.Combine(tool.Root, "releases", $"{Repo.ProductVersion()}-{commit[..12]}");

        // A dirty tree is refused before anything is built.
        File.WriteAllText(Path.Combine(clone, "stray.txt"), "not committed");
        var (code, text) = await tool.RunFromAsync(clone, "deploy", "--build");
        output.WriteLine(text);
        Assert.Equal(1, code);
        Assert.Contains("refusing to build", text, StringComparison.Ordinal);
        Assert.Contains("stray.txt", text, StringComparison.Ordinal);
        Assert.False(Directory.Exists(release));
        File.Delete(Path.Combine(clone, "stray.txt"));

        // The clean clone: web client and every process published into releases/<version>-<commit>, then deployed.
        var watch = Stopwatch.StartNew();
        (code, text) = await tool.RunFromAsync(clone, "deploy", "--build");
        output.WriteLine(text);
        output.WriteLine($"deploy --build (publish + first deploy): {watch.Elapsed.TotalSeconds:F1} s");
        Assert.True(code == 0, text);
        Assert.Contains($"built {Path.GetFileName(release)} in ", text, StringComparison.Ordinal);
        Assert.Equal(release, new FileInfo(Path.Combine(tool.Root, "current")).LinkTarget);
        Assert.False(new FileInfo(Path.Combine(release, "silo", "Orleans.Poker.Silo.dll")).Attributes.HasFlag(FileAttributes.ReparsePoint));
        Assert.Contains("/assets/", File.ReadAllText(Path.Combine(release, "web", "index.html")), StringComparison.Ordinal);
        var port = int.Parse(tool.ReadEnv()["POKER_DEPLOY_PORT_BASE"], System.Globalization.CultureInfo.InvariantCulture);
        using var direct = new HttpClient();
        using var health = System.Text.Json.JsonDocument.Parse(await direct.GetStringAsync($"http://127.0.0.1:{port}/health/ready"));
        Assert.Equal(Repo.ProductVersion(), health.RootElement.GetProperty("version").GetString());
        Assert.Equal(commit, health.RootElement.GetProperty("commit").GetString());
        // nginx serves the built web client of the release.
        using var client = NginxClient.Client(tool.Https, trusts);
        using var index = await client.GetAsync("/");
        Assert.Equal(System.Net.HttpStatusCode.OK, index.StatusCode);
        Assert.Equal(File.ReadAllText(Path.Combine(release, "web", "index.html")), await index.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Bot_token_and_database_password_rotate_with_a_rolling_restart_while_players_play()
    {
        // A role of the test's own, so its password can change without touching the shared test role.
        var role = $"poker_r_{Guid.NewGuid():N}"[..20];
        // The test's role is made a member, to read the tables the new role's migrations create.
        await DeployTool.AdminAsync($"CREATE ROLE {role} LOGIN PASSWORD 'rotation-old-password'; GRANT {role} TO CURRENT_USER");
        try
        {
            await RotateSecrets(role);
        }
        finally
        {
            await DeployTool.AdminAsync($"DROP ROLE IF EXISTS {role}");
        }
    }

    private async Task RotateSecrets(string role)
    {
        await using var botApi = await FakeBotApi.Start();
        await using var tool = await DeployTool.CreateAsync(new Dictionary<string, string> { ["POKER_DEPLOY_BOT_ENV"] = "POKER__Bot__ApiBaseUrl=" + botApi.BaseUrl });
        await tool.ReportingLogsOnFailure(output, () => RotateWhilePlaying(role, tool, botApi));
    }

    private async Task RotateWhilePlaying(string role, DeployTool tool, FakeBotApi botApi)
    {
        const string NewToken = "654321:rotated-deploy-token";
        await tool.ExecuteAsync($"GRANT ALL ON DATABASE \"{tool.Database}\" TO {role}; GRANT CREATE, USAGE ON SCHEMA public TO {role}");
        var env = tool.ReadEnv();
        // Pooled, as in production: open sessions are what carries the old processes over the password change.
        env["POKER__Storage__Postgres"] = new Npgsql.NpgsqlConnectionStringBuilder(tool.ConnectionString) { Username = role, Password = "rotation-old-password", Pooling = true }.ConnectionString;
        tool.WriteEnv(env);
        var trusts = tool.WriteCertificate();
        using var client = NginxClient.Client(tool.Https, trusts);
        var (code, text) = await tool.RunAsync("deploy", tool.Release("0.0.0-rotation"));
        Assert.True(code == 0, text);
        await using var play = await TablePlay.StartAsync(tool.Https, trusts, DeployTool.BotToken, tableCount: 1, seated: 3);
        await play.PlayHandsAsync(2, TimeSpan.FromSeconds(60));

        // The database password changes in PostgreSQL first (sessions already open keep working). A restart while env
        // still has the old one is refused before anything stops.
        await tool.ExecuteAsync($"ALTER ROLE {role} PASSWORD 'rotation-new-password'");
        (code, text) = await tool.RunAsync("restart");
        output.WriteLine(text);
        Assert.Equal(1, code);
        Assert.Contains($"refuses the login of POKER__Storage__Postgres (user {role})", text, StringComparison.Ordinal);
        Assert.Equal("0", File.ReadAllText(Path.Combine(tool.Root, "run", "color")).Trim());

        // The bot token: BotFather revoked the old one, Telegram answers it 401 from now on.
        botApi.AcceptOnly(NewToken);
        env["POKER__Storage__Postgres"] = new Npgsql.NpgsqlConnectionStringBuilder(env["POKER__Storage__Postgres"]) { Password = "rotation-new-password" }.ConnectionString;
        env["POKER__Bot__Token"] = NewToken;
        env["POKER__Auth__BotToken"] = NewToken;
        tool.WriteEnv(env);

        // One rolling restart puts both in place while the players keep playing.
        var calls = botApi.LastIndex;
        var chips = await play.ChipsAsync(tool);
        var watch = Stopwatch.StartNew();
        var from = TablePlay.Mark();
        (code, text) = await tool.RunAsync("restart");
        var to = TablePlay.Mark();
        output.WriteLine(text);
        output.WriteLine($"restart: {watch.Elapsed.TotalSeconds:F1} s");
        Assert.True(code == 0, text);
        Assert.Contains("(restarted)", text, StringComparison.Ordinal);
        Assert.Equal("1", File.ReadAllText(Path.Combine(tool.Root, "run", "color")).Trim());

        // The restarted bot registered its webhook with the new token and answers with it.
        Assert.Contains(botApi.Requests, r => r.Index > calls && r.Method == "setWebhook" && r.Token == NewToken && r.Accepted);
        await AssertWebhook(client, botApi, NewToken);

        // Gateways check mini-app sign-ins against the new token only.
        await using var newcomer = await TablePlayer.SignInAsync(tool.Https, trusts, System.Net.IPAddress.Parse("127.0.0.40"), NewToken, 4_000_000_001, "Newcomer");
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => TablePlayer.SignInAsync(tool.Https, trusts, System.Net.IPAddress.Parse("127.0.0.41"), DeployTool.BotToken, 4_000_000_002, "Stale"));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);

        // Every process logs in with the new password now (the old one no longer opens a session).
        Assert.NotEqual("0", await tool.RowsAsync($"SELECT count(*) FROM pg_stat_activity WHERE usename = '{role}'"));
        await PlayedThrough(play, tool, "the restart", from, to, chips);
    }

    /// <summary>
    /// The tables play on (two more hands each) after a window; then everybody leaves, and the figures of the window
    /// and of the whole play are printed and checked: hands and actions inside the window, its longest standstill,
    /// the players' chips (wallets, tables, rake) before the window equal to after it, no failed action, no voided
    /// hand, and once everybody left, the wallets (plus rake) equal to what was granted.
    /// </summary>
    private async Task PlayedThrough(TablePlay play, DeployTool tool, string window, long from, long to, long chipsBefore)
    {
        var chipsAfter = await play.ChipsAsync(tool);
        output.WriteLine($"chips of the players (wallets + tables + rake) before {window}: {chipsBefore}, after it: {chipsAfter}");
        Assert.Equal(chipsBefore, chipsAfter);
        await play.PlayHandsAsync(2, TimeSpan.FromSeconds(60));
        var during = play.Window(from, to);
        var figures = await play.FinishAsync(tool);
        output.WriteLine($"during {window}: {during}");
        output.WriteLine($"players (sitting down to leaving): {figures}");
        figures.AssertClean();
        Assert.Equal(figures.Granted, chipsBefore);
        Assert.True(during.Hands > 0 && during.Actions > 0, during.ToString());
        Assert.True(during.LongestGap.Length < TableGapBound, during.ToString());
    }

    /// <summary>The environment of the dotnet process the tool's supervisor <paramref name="name"/> runs (its child).</summary>
    private static Dictionary<string, string> ProcessEnvironment(DeployTool tool, string name)
    {
        var supervisor = File.ReadAllText(Path.Combine(tool.Root, "run", name + ".pid")).Trim();
        var child = Directory.GetDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(pid => pid!.All(char.IsAsciiDigit))
            .Single(pid => ReadOrEmpty($"/proc/{pid}/stat").Split(')').Last().Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, var parent, ..] && parent == supervisor
                && ReadOrEmpty($"/proc/{pid}/cmdline").Contains("Orleans.Poker.", StringComparison.Ordinal));
        return ReadOrEmpty($"/proc/{child}/environ").Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair.Length > 1 ? pair[1] : "");

        // A process may end while the folder is read.
        static string ReadOrEmpty(string path)
        {
            try
            {
                return File.ReadAllText(path);
            }
            catch (IOException)
            {
                return "";
            }
        }
    }

    /// <summary>
    /// A webhook update reaches the bot's handling through nginx: 401 without the secret; with it, a <c>/start</c>
    /// from a new user is answered with a <c>sendMessage</c> to that chat, made with <paramref name="token"/>.
    /// </summary>
    private const string AlertSecret = "deploy-tool-tests-alert-secret-0123456789";
    private const long AlertChat = -100_777_000_222;

    /// <summary>
    /// Alertmanager's receiver address (the default, POKER_DEPLOY_PORT_BASE + 90) reaches the live bot, whichever port
    /// set it runs on: an alert posted there with the secret arrives in the alert chat. nginx's public server has no
    /// such path.
    /// </summary>
    private static async Task AssertAlert(DeployTool tool, HttpClient client, FakeBotApi botApi, string after)
    {
        var listen = $"127.0.0.1:{int.Parse(tool.ReadEnv()["POKER_DEPLOY_PORT_BASE"], System.Globalization.CultureInfo.InvariantCulture) + 90}";
        var name = "PokerDeployTest" + after.Replace(" ", "", StringComparison.Ordinal);
        var body = $$$"""
            {"version":"4","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"{{{name}}}","severity":"warning"},
             "annotations":{"summary":"posted after the {{{after}}}"}}]}
            """;
        using var http = new HttpClient { BaseAddress = new Uri("http://" + listen), Timeout = TimeSpan.FromSeconds(30) };
        using var unsigned = await http.PostAsync("/alerts/alertmanager", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, unsigned.StatusCode);
        var mark = botApi.LastIndex;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/alerts/alertmanager") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AlertSecret);
        using var signed = await http.SendAsync(request);
        Assert.True(signed.StatusCode == System.Net.HttpStatusCode.OK, $"alert after the {after}: {(int)signed.StatusCode} {await signed.Content.ReadAsStringAsync()}");
        var message = await botApi.WaitFor(r => r.Method == "sendMessage" && r.ChatId == AlertChat && r.Text.Contains(name, StringComparison.Ordinal), mark, TimeSpan.FromSeconds(30));
        Assert.StartsWith("🔥 FIRING", message.Text, StringComparison.Ordinal);
        using var onlyPost = await http.GetAsync("/alerts/alertmanager");
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, onlyPost.StatusCode);
        using var publicly = await client.PostAsync("/alerts/alertmanager", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, publicly.StatusCode);
    }

    // Telegram numbers a bot's updates upwards: a random id per update could fall in a slot of the bot's window that a
    // higher one had taken (the bot then refuses it as older than its window, as it should), and the test failed at random.
    private static int lastUpdateId = Random.Shared.Next(1, int.MaxValue / 2);

    private static async Task AssertWebhook(HttpClient client, FakeBotApi botApi, string token)
    {
        var user = Random.Shared.NextInt64(1_000_000_000, 8_000_000_000);
        var updateId = Interlocked.Increment(ref lastUpdateId);
        var update = $$$"""
            {"update_id":{{{updateId}}},"message":{"message_id":1,"date":{{{DateTimeOffset.UtcNow.ToUnixTimeSeconds()}}},
             "chat":{"id":{{{user}}},"type":"private"},"from":{"id":{{{user}}},"is_bot":false,"first_name":"Webhook{{{user}}}"},"text":"/start"}}
            """;
        using var unsigned = await client.PostAsync("/telegram/webhook", new StringContent(update, Encoding.UTF8, "application/json"));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, unsigned.StatusCode);
        var after = botApi.LastIndex;
        botApi.Opened(user); // the user wrote to the bot: Telegram lets it answer in their private chat
        using var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook") { Content = new StringContent(update, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", DeployTool.WebhookSecret);
        using var signed = await client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, signed.StatusCode);
        var reply = await botApi.WaitFor(r => r.Method == "sendMessage" && r.ChatId == user, after, TimeSpan.FromSeconds(30));
        Assert.Contains($"Webhook{user}", reply.Text, StringComparison.Ordinal);
        Assert.Equal(token, reply.Token);
        Assert.True(reply.Accepted);
    }

    /// <summary>GET / and a gateway API call through nginx every 100 ms until stopped.</summary>
    private static async Task<(int Requests, int Failures, TimeSpan LongestGap)> Probe(HttpClient client, CancellationToken token)
    {
        int requests = 0, failures = 0;
        var last = DateTime.UtcNow;
        var longest = TimeSpan.Zero;
        while (!token.IsCancellationRequested)
        {
            requests++;
            try
            {
                using var answer = await client.GetAsync("/api/tables", CancellationToken.None);
                if ((int)answer.StatusCode >= 500)
                {
                    failures++;
                }
                else
                {
                    var now = DateTime.UtcNow;
                    longest = now - last > longest ? now - last : longest;
                    last = now;
                }
            }
            catch (HttpRequestException)
            {
                failures++;
            }

            try
            {
                await Task.Delay(100, token);
            }
            catch (OperationCanceledException)
            {
            }
        }

        return (requests, failures, longest);
    }

    private static Task<string> Git(string directory, params string[] args) => Run("git", directory, args);

    private static Task Migrate(string release, DeployTool tool) =>
        Run("dotnet", null, Path.Combine(release, "migrations", "Orleans.Poker.Migrations.dll"), "--connection", tool.ConnectionString);

    /// <summary>Runs a program to completion; fails the test with its error output unless it exits 0; returns its output.</summary>
    private static async Task<string> Run(string file, string? directory, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory ?? "" };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var text = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)}: {text}{await error}");
        return text;
    }
}
