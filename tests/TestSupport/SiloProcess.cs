using System.Diagnostics;
using System.Reflection;

namespace Orleans.Poker.TestSupport;

/// <summary>
/// A real silo: <c>dotnet Silo/bin/&lt;Configuration&gt;/net10.0/Orleans.Poker.Silo.dll</c> in production mode (Redis
/// clustering, PostgreSQL storage) on free loopback ports. <see cref="Kill"/> is SIGKILL; Dispose kills it too.
/// </summary>
public sealed class SiloProcess : IDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);
    private readonly Process process;
    private readonly OutputTail output = new();

    private SiloProcess(Process process, string name, int siloPort, int gatewayPort, int httpPort, int metricsPort)
    {
        MetricsPort = metricsPort;
        this.process = process;
        Name = name;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        HttpPort = httpPort;
    }

    public string Name { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public int HttpPort { get; }

    /// <summary>The management port (<c>/metrics</c> anonymously) when the environment set <c>POKER__Telemetry__MetricsPort</c>; else 0 (none).</summary>
    public int MetricsPort { get; }

    public bool HasExited => process.HasExited;

    /// <summary>The silo's address as Orleans prints it (<c>S127.0.0.1:port:generation</c> starts with this).</summary>
    public string EndpointPrefix => $"S127.0.0.1:{SiloPort}:";

    /// <summary>The last lines the silo wrote, for failure messages.</summary>
    public string RecentOutput => output.Last(40);

    /// <summary>
    /// Starts a silo and waits (bounded) until <c>/health/ready</c> answers 200; <paramref name="environment"/> adds
    /// or overrides variables (e.g. a co-hosted gateway).
    /// </summary>
    public static async Task<SiloProcess> StartAsync(
        SiloSettings settings, string name, (int Silo, int Gateway, int Http)? ports = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var (siloPort, gatewayPort, httpPort) = ports ?? (ServerProcesses.FreePort(), ServerProcesses.FreePort(), ServerProcesses.FreePort());
        var dll = SiloDll();
        var start = ServerProcesses.DotnetStartInfo(dll);
        var env = start.Environment;
        env["POKER__Cluster__Redis"] = settings.Redis;
        env["POKER__Storage__Postgres"] = settings.Postgres;
        env["POKER__Cluster__ClusterId"] = settings.ClusterId;
        env["POKER__Cluster__ServiceId"] = settings.ServiceId;
        env["POKER__Cluster__SiloPort"] = siloPort.ToString();
        env["POKER__Cluster__GatewayPort"] = gatewayPort.ToString();
        env["POKER__Cluster__AdvertisedAddress"] = "127.0.0.1";
        env["POKER__Http__Host"] = "127.0.0.1";
        env["POKER__Http__Port"] = httpPort.ToString();
        // No management port unless asked for (the production default, 9464, would collide between silos).
        env["POKER__Telemetry__MetricsPort"] = "0";
        env["POKER__Logging__Format"] = "text";
        env["POKER__Logging__Level"] = "Warning";
        // Several silos share two cores with the test: workstation GC keeps each process small.
        env["DOTNET_gcServer"] = "0";
        env["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }

        var process = new Process { StartInfo = start };
        var silo = new SiloProcess(process, name, siloPort, gatewayPort, httpPort, int.Parse(env["POKER__Telemetry__MetricsPort"]!));
        process.OutputDataReceived += (_, e) => silo.output.Record(e.Data);
        process.ErrorDataReceived += (_, e) => silo.output.Record(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await silo.WaitReadyAsync();
        }
        catch
        {
            silo.Dispose();
            throw;
        }

        return silo;
    }

    /// <summary>Ends the process at once (SIGKILL): no graceful shutdown, no deactivation.</summary>
    public void Kill()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }

        process.Dispose();
    }

    /// <summary>The repository root: the first folder upwards that holds Orleans.Poker.sln.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Orleans.Poker.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Orleans.Poker.sln above {AppContext.BaseDirectory}");
    }

    /// <summary>The silo built in the same configuration as this test assembly (the project reference builds it).</summary>
    public static string SiloDll()
    {
        var configuration = typeof(SiloProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var dll = Path.Combine(RepoRoot(), "Silo", "bin", configuration, "net10.0", "Orleans.Poker.Silo.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException($"Build the silo in {configuration} first", dll);
    }

    private async Task WaitReadyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await ServerProcesses.WaitReadyAsync(http, new Uri($"http://127.0.0.1:{HttpPort}/health/ready"), process, $"Silo {Name}", ReadyTimeout, () => RecentOutput);
    }
}
