using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;

namespace Orleans.Poker.Gateway.Load;

/// <summary>
/// The issue's measured topology, started from this tool's build configuration (Release when run with
/// <c>-c Release</c>): one silo process without a co-hosted gateway and <c>gateways</c> standalone gateway processes
/// on their own ports, sharing one access-token key. <c>postgres</c> storage is production mode (Redis clustering and
/// SignalR backplane at <c>POKER_TEST_REDIS</c>, grain state in a throwaway migrated database); <c>memory</c> keeps
/// grain state in memory with localhost clustering (no Redis, no backplane), to measure without the database.
/// </summary>
internal sealed class Topology : IAsyncDisposable
{
    private readonly List<ServiceProcess> processes = [];
    private TestDatabase? database;

    private Topology()
    {
    }

    public ServiceProcess Silo => processes[0];

    public IReadOnlyList<ServiceProcess> Gateways => processes.Skip(1).ToList();

    public IReadOnlyList<ServiceProcess> All => processes;

    /// <summary>
    /// Starts the processes; <paramref name="extra"/> is added to every process's environment (runtime knobs). Each
    /// gateway's runtime uses <paramref name="gatewayProcessors"/> processors (<see cref="Processors"/>).
    /// </summary>
    public static async Task<Topology> StartAsync(string storage, int gateways, int gatewayProcessors, IReadOnlyDictionary<string, string> extra, TextWriter log)
    {
        var topology = new Topology();
        try
        {
            await topology.Start(storage, gateways, gatewayProcessors, extra, log);
            return topology;
        }
        catch
        {
            await topology.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Gateways first (their clients leave the cluster), then the silo, each by its PID.
        foreach (var process in Enumerable.Reverse(processes))
        {
            process.Dispose();
        }

        processes.Clear();
        if (database is not null)
        {
            await database.DisposeAsync();
            database = null;
        }
    }

    /// <summary>
    /// The environment that makes a .NET process use <paramref name="count"/> processors (<c>DOTNET_PROCESSOR_COUNT</c>:
    /// its thread pool, garbage collector and Kestrel size themselves by it), as a container limited to that many CPUs
    /// does; none for 0 (the machine's).
    /// </summary>
    public static Dictionary<string, string> Processors(int count) =>
        count > 0 ? new() { ["DOTNET_PROCESSOR_COUNT"] = count.ToString(CultureInfo.InvariantCulture) } : [];

    private async Task Start(string storage, int gateways, int gatewayProcessors, IReadOnlyDictionary<string, string> extra, TextWriter log)
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var (siloPort, gatewayPort) = (ServerProcesses.FreePort(), ServerProcesses.FreePort());
        var common = new Dictionary<string, string>
        {
            ["POKER__Cluster__ClusterId"] = $"load-{id}",
            ["POKER__Cluster__ServiceId"] = $"load-{id}",
            ["POKER__Logging__Format"] = "text",
            ["POKER__Logging__Level"] = "Warning",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
        };
        foreach (var (key, value) in extra)
        {
            common[key] = value;
        }

        switch (storage)
        {
            case "postgres":
                database = await TestDatabase.CreateMigratedAsync();
                common["POKER__Cluster__Redis"] = Environment.GetEnvironmentVariable("POKER_TEST_REDIS") is { Length: > 0 } redis ? redis : "127.0.0.1:6379";
                log.WriteLine($"# storage: PostgreSQL database {database.Name}, Redis clustering and backplane at {common["POKER__Cluster__Redis"]}");
                break;
            case "memory":
                common["POKER__Cluster__GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture);
                log.WriteLine("# storage: memory, localhost clustering (no Redis, no backplane)");
                break;
            default:
                throw new ArgumentException($"--storage must be postgres or memory, not {storage}");
        }

        var silo = new Dictionary<string, string>(common)
        {
            ["POKER__Cluster__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
            ["POKER__Cluster__GatewayPort"] = gatewayPort.ToString(CultureInfo.InvariantCulture),
            ["POKER__Cluster__AdvertisedAddress"] = "127.0.0.1",
            ["POKER__Gateway__CoHosted"] = "false",
        };
        if (database is not null)
        {
            silo["POKER__Storage__Postgres"] = database.ConnectionString;
        }

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        processes.Add(ServiceProcess.Start("silo", Dll("Silo", "Orleans.Poker.Silo.dll"), ServerProcesses.FreePort(), silo));
        await Silo.WaitReadyAsync(http);
        log.WriteLine($"# silo pid {Silo.Pid} ready on {Silo.Url}");

        var gateway = new Dictionary<string, string>(common)
        {
            ["POKER__Auth__JwtKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)),
            ["POKER__Auth__GuestSignIn"] = "true",
            // One load generator signs in thousands of guests from one address: lift the per-IP and per-player limits.
            ["POKER__Gateway__RequestsPerSecond"] = "100000",
            ["POKER__Gateway__RequestBurst"] = "100000",
        };
        foreach (var (key, value) in Processors(gatewayProcessors))
        {
            gateway[key] = value;
        }

        for (var i = 0; i < gateways; i++)
        {
            processes.Add(ServiceProcess.Start($"gateway{i + 1}", Dll("Gateway", "Orleans.Poker.Gateway.dll"), ServerProcesses.FreePort(), gateway));
        }

        await Task.WhenAll(Gateways.Select(g => g.WaitReadyAsync(http)));
        foreach (var g in Gateways)
        {
            log.WriteLine($"# {g.Name} pid {g.Pid} ready on {g.Url}");
        }
    }

    /// <summary>A project's dll built in this tool's configuration.</summary>
    private static string Dll(string project, string file)
    {
        var configuration = typeof(Topology).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
        return Path.Combine(RepoRoot(), project, "bin", configuration, "net10.0", file);
    }

    private static string RepoRoot()
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
}
