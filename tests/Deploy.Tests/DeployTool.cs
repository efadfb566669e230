using System.Diagnostics;
using Npgsql;

namespace Orleans.Poker.Deploy.Tests;

/// <summary>
/// infra/deploy/poker-deploy run against a throwaway root (its own env, releases, nginx, pid files) and a throwaway
/// PostgreSQL database. Releases are made from the built applications (symbolic links, as `cp -rs`), so the tests do
/// not publish; a release's VERSION is the product version its processes report. Dispose stops what the tool started
/// (`poker-deploy stop`, which stops its processes by their pid files) and drops the database.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class DeployTool : IAsyncDisposable
{
    public const string WebhookSecret = "deploy-tool-webhook-secret";

    /// <summary>The bot token of the env (bots, and gateways checking mini-app initData).</summary>
    public const string BotToken = "123456:deploy-tool-token";

    private DeployTool(string root, string database, string connectionString)
    {
        Root = root;
        Database = database;
        ConnectionString = connectionString;
    }

    public string Root { get; }

    public string Database { get; }

    public string ConnectionString { get; }

    public string EnvFile => Path.Combine(Root, "env");

    public static string AdminConnectionString =>
        new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("POKER_TEST_POSTGRES") is { Length: > 0 } configured
            ? configured
            : "Host=127.0.0.1;Port=5432;Database=poker_test;Username=poker;Password=poker-dev") { Pooling = false }.ConnectionString;

    public static string Redis => Environment.GetEnvironmentVariable("POKER_TEST_REDIS") is { Length: > 0 } r ? r : "127.0.0.1:6379";

    /// <summary>An empty database and a root whose env (mode 0600) names it; <paramref name="settings"/> override.</summary>
    public static async Task<DeployTool> CreateAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var name = $"poker_d_{Guid.NewGuid():N}";
        await AdminAsync($"CREATE DATABASE \"{name}\"");
        var connection = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = false }.ConnectionString;
        var root = Directory.CreateTempSubdirectory("poker-deploy-").FullName;
        var tool = new DeployTool(root, name, connection);
        var portBase = PortBase();
        var env = new Dictionary<string, string>
        {
            ["POKER__Storage__Postgres"] = connection,
            ["POKER__Cluster__Redis"] = Redis,
            // Each test's cluster is its own: a service id no other test (or earlier run) shares in Redis.
            ["POKER__Cluster__ClusterId"] = name,
            ["POKER__Logging__Format"] = "text",
            ["POKER__Auth__JwtKey"] = "deploy-tool-tests-jwt-signing-key-0123456789abcdef",
            ["POKER__Auth__BotToken"] = BotToken,
            ["POKER__Bot__Token"] = BotToken,
            ["POKER__Bot__WebhookUrl"] = "https://localhost/telegram/webhook",
            ["POKER__Bot__WebhookSecret"] = WebhookSecret,
            ["POKER__Http__TrustedProxies"] = "127.0.0.1",
            ["POKER_DEPLOY_PORT_BASE"] = portBase.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["POKER_DEPLOY_NGINX_HTTPS_LISTEN"] = $"127.0.0.1:{ServerProcesses.FreePort()}",
            ["POKER_DEPLOY_NGINX_HTTP_LISTEN"] = $"127.0.0.1:{ServerProcesses.FreePort()}",
            ["POKER_DEPLOY_SERVER_NAME"] = "localhost",
            ["POKER_DEPLOY_TLS_CERT"] = Path.Combine(root, "cert.pem"),
            ["POKER_DEPLOY_TLS_KEY"] = Path.Combine(root, "key.pem"),
            ["POKER_DEPLOY_SILOS"] = "2",
            ["POKER_DEPLOY_GATEWAYS"] = "2",
            ["POKER_DEPLOY_READY_SECONDS"] = "90",
            ["POKER_DEPLOY_SILO_STOP_SECONDS"] = "30",
            ["POKER_DEPLOY_BACKUP_KEEP"] = "3",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }

        tool.WriteEnv(env);
        return tool;
    }

    /// <summary>nginx's address (POKER_DEPLOY_NGINX_HTTPS_LISTEN).</summary>
    public Uri Https => new("https://" + ReadEnv()["POKER_DEPLOY_NGINX_HTTPS_LISTEN"]);

    /// <summary>Writes a self-signed certificate for nginx (POKER_DEPLOY_TLS_CERT and _KEY); returns a check trusting exactly it.</summary>
    public System.Net.Security.RemoteCertificateValidationCallback WriteCertificate()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=localhost", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(2));
        File.WriteAllText(ReadEnv()["POKER_DEPLOY_TLS_CERT"], cert.ExportCertificatePem());
        File.WriteAllText(ReadEnv()["POKER_DEPLOY_TLS_KEY"], rsa.ExportPkcs8PrivateKeyPem());
        var hash = cert.GetCertHashString();
        return (_, certificate, _, _) => certificate?.GetCertHashString() == hash;
    }

    public void WriteEnv(IReadOnlyDictionary<string, string> env)
    {
        File.WriteAllLines(EnvFile, env.Select(e => $"{e.Key}={e.Value}"));
        File.SetUnixFileMode(EnvFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    public Dictionary<string, string> ReadEnv() =>
        File.ReadAllLines(EnvFile).Where(l => l.Contains('=')).ToDictionary(l => l[..l.IndexOf('=')], l => l[(l.IndexOf('=') + 1)..]);

    /// <summary>Runs the tool; returns its exit code and what it wrote (stdout and stderr together).</summary>
    public Task<(int ExitCode, string Output)> RunAsync(params string[] args) => RunFromAsync(Repo.Root, args);

    /// <summary>Runs the tool of another checkout (<c>deploy --build</c> publishes the repository its script is in).</summary>
    public async Task<(int ExitCode, string Output)> RunFromAsync(string repository, params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(repository, "infra", "deploy", "poker-deploy"));
        start.ArgumentList.Add("--root");
        start.ArgumentList.Add(Root);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("POKER", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        var lockObject = new object();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (lockObject) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (lockObject) { output.AppendLine(e.Data); } } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await process.WaitForExitAsync();
        process.WaitForExit();
        lock (lockObject)
        {
            return (process.ExitCode, output.ToString());
        }
    }

    /// <summary>A release folder made of the built applications: silo/, gateway/, bot/, migrations/, web/, VERSION.</summary>
    public string Release(string name, IReadOnlyDictionary<string, string>? extraScripts = null)
    {
        var dir = Path.Combine(Root, "incoming", name);
        Directory.CreateDirectory(dir);
        foreach (var (folder, project) in new[] { ("silo", "Silo"), ("gateway", "Gateway"), ("bot", "BotFrontend"), ("migrations", "Migrations") })
        {
            var start = new ProcessStartInfo("cp") { RedirectStandardError = true };
            foreach (var arg in new[] { "-rs", Path.GetDirectoryName(Repo.BuiltDll(project, "x"))!, Path.Combine(dir, folder) })
            {
                start.ArgumentList.Add(arg);
            }

            using var cp = Process.Start(start)!;
            cp.WaitForExit();
            Assert.True(cp.ExitCode == 0, cp.StandardError.ReadToEnd());
        }

        if (extraScripts is { Count: > 0 })
        {
            var scripts = Directory.CreateDirectory(Path.Combine(dir, "migrations", "scripts")).FullName;
            foreach (var (file, sql) in extraScripts)
            {
                File.WriteAllText(Path.Combine(scripts, file), sql);
            }
        }

        Directory.CreateDirectory(Path.Combine(dir, "web", "assets"));
        File.WriteAllText(Path.Combine(dir, "web", "index.html"), "<!doctype html><title>Orleans Poker</title>");
        File.WriteAllText(Path.Combine(dir, "VERSION"), Repo.ProductVersion() + "\n");
        return dir;
    }

    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Every row of the query, each as one tab-separated line: compare two states of the database.</summary>
    public async Task<string> RowsAsync(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var lines = new List<string>();
        while (await reader.ReadAsync())
        {
            lines.Add(string.Join('\t', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return string.Join('\n', lines);
    }

    public static async Task AdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Runs <paramref name="test"/>; when it fails, <see cref="ReportLogs"/> before the failure goes on.</summary>
    public async Task ReportingLogsOnFailure(Xunit.Abstractions.ITestOutputHelper output, Func<Task> test)
    {
        ArgumentNullException.ThrowIfNull(test);
        try
        {
            await test();
        }
        catch
        {
            ReportLogs(output);
            throw;
        }
    }

    /// <summary>
    /// For a failed test: each process's log (under <c>logs/</c>) into the test's output, its warnings and errors
    /// (the last 60) and its last 25 lines, and the whole folder copied to <c>$TMPDIR/poker-deploy-failed/</c>, which
    /// Dispose does not delete.
    /// </summary>
    private void ReportLogs(Xunit.Abstractions.ITestOutputHelper output)
    {
        var logs = Path.Combine(Root, "logs");
        if (!Directory.Exists(logs))
        {
            return;
        }

        var kept = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "poker-deploy-failed", Path.GetFileName(Root))).FullName;
        foreach (var file in Directory.GetFiles(logs).Order(StringComparer.Ordinal))
        {
            File.Copy(file, Path.Combine(kept, Path.GetFileName(file)), overwrite: true);
            var lines = File.ReadAllLines(file);
            var problems = lines.Where(l => l.Contains(" WRN] ", StringComparison.Ordinal) || l.Contains(" ERR] ", StringComparison.Ordinal) || l.Contains(" FTL] ", StringComparison.Ordinal)).TakeLast(60);
            output.WriteLine($"--- {Path.GetFileName(file)}: warnings and errors");
            foreach (var line in problems)
            {
                output.WriteLine(line);
            }

            output.WriteLine($"--- {Path.GetFileName(file)}: last lines");
            foreach (var line in lines.TakeLast(25))
            {
                output.WriteLine(line);
            }
        }

        output.WriteLine($"--- the logs are kept in {kept}");
    }

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(EnvFile))
        {
            File.SetUnixFileMode(EnvFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            await RunAsync("stop");
        }

        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                await AdminAsync($"DROP DATABASE IF EXISTS \"{Database}\" WITH (FORCE)");
                break;
            }
            catch (PostgresException) when (attempt < 2)
            {
                await Task.Delay(1000);
            }
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>A base for the tool's port scheme (base + 0..140 for one color, + 100 for the other) with the ports free.</summary>
    private static int PortBase()
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            // Below the kernel's ephemeral range (32768+), so no outgoing connection takes one of them meanwhile.
            var candidate = Random.Shared.Next(20, 32) * 1000 + Random.Shared.Next(0, 8) * 100;
            if (Enumerable.Range(0, 250).All(i => Free(candidate + i)))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("no free port range");
    }

    private static bool Free(int port)
    {
        try
        {
            var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}
