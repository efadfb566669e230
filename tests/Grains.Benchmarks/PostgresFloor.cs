using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Orleans.Poker.Grains.Benchmarks;

/// <summary>
/// What the PostgreSQL server under the benchmark can do and did: the WAL it wrote (<c>pg_stat_wal</c>, the whole server's,
/// so the machine should be otherwise quiet) and its commit capacity, <c>pgbench</c> committing a one-row insert per
/// transaction from as many clients as the silo's connection pool holds, on the same server in the same run.
/// </summary>
public static class PostgresFloor
{
    /// <summary>The WAL the server has written since its statistics were reset, in bytes.</summary>
    public static async Task<long> WalBytes(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT wal_bytes::bigint FROM pg_stat_wal", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// CPU time of every <c>postgres</c> process on this machine so far (user + system, from <c>/proc</c>); zero where there
    /// is no <c>/proc</c>. Processes that ended between two readings drop out, so read it around a window, not across a restart.
    /// </summary>
    public static TimeSpan ServerCpu()
    {
        if (!Directory.Exists("/proc"))
        {
            return TimeSpan.Zero;
        }

        long ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var name = stat[(stat.IndexOf('(') + 1)..stat.LastIndexOf(')')];
                if (name != "postgres")
                {
                    continue;
                }

                // After the name: state is field 3, utime and stime fields 14 and 15 (clock ticks, 100 per second on Linux).
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or ArgumentOutOfRangeException)
            {
                // The process ended while being read, or is not a process directory.
            }
        }

        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>
    /// pgbench's transactions per second for <paramref name="window"/>, <paramref name="clients"/> clients each committing
    /// one-row inserts into a scratch table; null (with a note) when pgbench is not installed or fails.
    /// </summary>
    public static async Task<double?> CommitsPerSecond(string connectionString, int clients, TimeSpan window)
    {
        var pgbench = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin", "pgbench")).Where(File.Exists).Order().LastOrDefault()
            : null;
        if (pgbench is null)
        {
            Figure.Note("pgbench not found under /usr/lib/postgresql/*/bin (Debian's postgresql package ships it): no commit-capacity reference");
            return null;
        }

        var target = new NpgsqlConnectionStringBuilder(connectionString);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand("CREATE TABLE IF NOT EXISTS bench_commits (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now())", connection);
            await create.ExecuteNonQueryAsync();
        }

        var script = Path.Combine(Path.GetTempPath(), $"pgbench-insert-{Environment.ProcessId}.sql");
        await File.WriteAllTextAsync(script, "INSERT INTO bench_commits DEFAULT VALUES;\n");
        try
        {
            var start = new ProcessStartInfo(pgbench)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                ArgumentList =
                {
                    "-n", "-M", "prepared", "-c", clients.ToString(CultureInfo.InvariantCulture), "-j", Math.Min(clients, Environment.ProcessorCount).ToString(CultureInfo.InvariantCulture),
                    "-T", ((int)Math.Ceiling(window.TotalSeconds)).ToString(CultureInfo.InvariantCulture), "-f", script,
                    "-h", target.Host!, "-p", target.Port.ToString(CultureInfo.InvariantCulture), "-U", target.Username!, target.Database!,
                },
            };
            start.Environment["PGPASSWORD"] = target.Password ?? "";
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            var tps = (await output).Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith("tps = ", StringComparison.Ordinal));
            if (process.ExitCode != 0 || tps is null)
            {
                Figure.Note($"pgbench failed (exit {process.ExitCode}): {(await error).Trim()}");
                return null;
            }

            return double.Parse(tps["tps = ".Length..].Split(' ')[0], CultureInfo.InvariantCulture);
        }
        finally
        {
            File.Delete(script);
        }
    }
}
