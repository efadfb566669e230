using System.Reflection;
using Npgsql;

namespace Orleans.Poker.Migrations;

/// <summary>
/// The command line of the migrations tool:
/// <c>[--connection "&lt;conn&gt;"] [--status | --verify] [--scripts-dir &lt;folder&gt;]</c>.
/// Without <c>--connection</c> the connection string comes from <c>POKER__Storage__Postgres</c>.
/// Exit codes: 0 success, 1 a script or the database failed, 2 bad usage, 3 (<c>--verify</c>) scripts are pending.
/// </summary>
public static class MigrationCli
{
    /// <summary>The environment variable naming the database when <c>--connection</c> is absent.</summary>
    public const string ConnectionVariable = "POKER__Storage__Postgres";

    /// <summary>The exit code of <c>--verify</c> while some script of this build is not applied yet.</summary>
    public const int PendingExitCode = 3;

    /// <summary>The product version stamped into this tool (Directory.Build.props), without build metadata.</summary>
    public static string Version { get; } =
        (typeof(MigrationCli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0").Split('+', 2)[0];

    private const string Usage =
        "usage: Orleans.Poker.Migrations [--connection \"<connection string>\"] [--status | --verify] [--scripts-dir <folder>]\n" +
        $"  --connection   PostgreSQL connection string (default: ${ConnectionVariable})\n" +
        "  --status       list applied and pending scripts, change nothing\n" +
        "  --verify       change nothing; exit 0 when every script is applied, 3 while some are pending\n" +
        "                 (a deployment waits on it before starting silos of this version)\n" +
        "  --scripts-dir  also apply the *.sql scripts of this folder, ordered with the embedded ones by name";

    /// <summary>Runs the tool; returns the process exit code.</summary>
    public static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        TextWriter output,
        TextWriter error,
        Func<string, string?>? environment = null,
        CancellationToken cancellationToken = default)
    {
        environment ??= Environment.GetEnvironmentVariable;
        string? connectionString = null;
        string? scriptsDir = null;
        var status = false;
        var verify = false;

        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--connection" when i + 1 < args.Count:
                    connectionString = args[++i];
                    break;
                case "--scripts-dir" when i + 1 < args.Count:
                    scriptsDir = args[++i];
                    break;
                case "--status":
                    status = true;
                    break;
                case "--verify":
                    verify = true;
                    break;
                case "--help" or "-h":
                    await output.WriteLineAsync(Usage);
                    return 0;
                default:
                    await error.WriteLineAsync($"error: unknown or incomplete argument '{args[i]}'");
                    await error.WriteLineAsync(Usage);
                    return 2;
            }
        }

        if (status && verify)
        {
            await error.WriteLineAsync("error: --status and --verify exclude each other");
            await error.WriteLineAsync(Usage);
            return 2;
        }

        // The first line of every process of the product names it and its version.
        await output.WriteLineAsync($"Orleans.Poker Migrations {Version} starting");
        connectionString ??= environment(ConnectionVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            await error.WriteLineAsync($"error: no database: pass --connection or set {ConnectionVariable}");
            return 2;
        }

        string target;
        try
        {
            var parsed = new NpgsqlConnectionStringBuilder(connectionString);
            target = $"database {parsed.Database} on {parsed.Host}:{parsed.Port}";
        }
        catch (ArgumentException ex)
        {
            await error.WriteLineAsync($"error: invalid connection string: {ex.Message}");
            return 2;
        }

        var options = new MigrationOptions { ExtraScriptsDirectory = scriptsDir, Log = output };
        try
        {
            if (verify)
            {
                var current = await MigrationRunner.GetStatusAsync(connectionString, options, cancellationToken);
                foreach (var name in current.Pending)
                {
                    await output.WriteLineAsync($"pending {name}");
                }

                await output.WriteLineAsync(current.Pending.Count == 0
                    ? $"{target}: up to date ({current.Applied.Count} applied)"
                    : $"{target}: {current.Pending.Count} script(s) pending");
                return current.Pending.Count == 0 ? 0 : PendingExitCode;
            }

            if (status)
            {
                var current = await MigrationRunner.GetStatusAsync(connectionString, options, cancellationToken);
                await output.WriteLineAsync($"{target}: {current.Applied.Count} applied, {current.Pending.Count} pending");
                foreach (var name in current.Applied)
                {
                    await output.WriteLineAsync($"applied {name}");
                }

                foreach (var name in current.Pending)
                {
                    await output.WriteLineAsync($"pending {name}");
                }

                return 0;
            }

            await output.WriteLineAsync($"migrating {target}");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var applied = await MigrationRunner.ApplyAsync(connectionString, options, cancellationToken);
            var took = clock.Elapsed;
            await output.WriteLineAsync(applied.Count == 0
                ? "up to date: no script to apply"
                : $"{applied.Count} script(s) applied");
            // For operators and deployment logs: the schema now, and how long this migration took.
            var after = await MigrationRunner.GetStatusAsync(connectionString, options, cancellationToken);
            await output.WriteLineAsync(string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"schema version {(after.Applied.Count == 0 ? "none" : after.Applied[^1])}, {after.Applied.Count} script(s) in the journal; migration took {took.TotalSeconds:F2} s"));
            return 0;
        }
        catch (MigrationFailedException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return 1;
        }
        catch (Exception ex) when (ex is NpgsqlException or IOException or InvalidOperationException or TimeoutException)
        {
            await error.WriteLineAsync($"error: {target}: {ex.Message}");
            return 1;
        }
    }
}
