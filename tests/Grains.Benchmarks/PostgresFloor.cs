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
    public static Task<long> WalBytes(string connectionString) => Scalar<long>(connectionString, "SELECT wal_bytes::bigint FROM pg_stat_wal");

    /// <summary>
    /// The server's WAL position in bytes: exact at once, where <c>pg_stat_wal</c> lags by up to a second (for short
    /// spans such as one sweep of the journal).
    /// </summary>
    public static Task<long> WalPosition(string connectionString) => Scalar<long>(connectionString, "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint");

    /// <summary>
    /// A checkpoint (the pages written before it are then, as after an hour, pages whose next change writes a
    /// full-page image); a note instead when the role may not (<c>pg_checkpoint</c>, granted by infra/services.sh).
    /// </summary>
    public static async Task CheckpointIfAllowed(string connectionString)
    {
        try
        {
            await Scalar<object?>(connectionString, "CHECKPOINT");
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            Figure.Note("no CHECKPOINT privilege (pg_checkpoint): the swept entries' WAL lacks the full-page images an hour-old journal's sweep writes");
        }
    }

    /// <summary>The first column of the first row of <paramref name="sql"/> with its positional parameters ($1, $2…).</summary>
    public static async Task<T> Scalar<T>(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (T)(await command.ExecuteScalarAsync())!;
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
