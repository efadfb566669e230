using System.Runtime.ExceptionServices;
using DbUp;
using DbUp.Engine;
using Npgsql;

namespace Orleans.Poker.Migrations;

/// <summary>
/// Applies the versioned SQL scripts of <c>Migrations/Scripts</c> to a PostgreSQL database: in name
/// order, each exactly once, each in its own transaction, recorded in the journal table
/// <c>public.schemaversions</c>. A run holds a session-level advisory lock for its whole duration,
/// so runners started together apply each script once.
/// </summary>
public static class MigrationRunner
{
    /// <summary>The <c>pg_advisory_lock</c> key held while migrating (ASCII "PokerMig").</summary>
    public const long AdvisoryLockKey = 0x506F_6B65_724D_6967;

    /// <summary>Schema of the journal table.</summary>
    public const string JournalSchema = "public";

    /// <summary>The journal table: one row per applied script (<c>scriptname</c>, <c>applied</c>).</summary>
    public const string JournalTable = "schemaversions";

    /// <summary>Applies the pending embedded scripts; returns the names of those applied, in order.</summary>
    /// <exception cref="MigrationFailedException">A script failed; it was rolled back.</exception>
    public static Task<IReadOnlyList<string>> ApplyAsync(string connectionString, CancellationToken cancellationToken = default) =>
        ApplyAsync(connectionString, new MigrationOptions(), cancellationToken);

    /// <summary>Applies the pending scripts; returns the names of those applied, in order.</summary>
    /// <exception cref="MigrationFailedException">A script failed; it was rolled back.</exception>
    public static async Task<IReadOnlyList<string>> ApplyAsync(
        string connectionString, MigrationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentNullException.ThrowIfNull(options);
        var scripts = MigrationScripts.Load(options.ExtraScriptsDirectory);

        await using var lockConnection = await AcquireLockAsync(connectionString, options, cancellationToken);
        try
        {
            // DbUp is synchronous; keep it off the caller's thread.
            return await Task.Run(() => Upgrade(connectionString, scripts, options), cancellationToken);
        }
        finally
        {
            await ReleaseLockAsync(lockConnection);
        }
    }

    /// <summary>Lists the applied and the pending scripts without changing anything.</summary>
    public static Task<MigrationStatus> GetStatusAsync(
        string connectionString, MigrationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var scripts = MigrationScripts.Load(options?.ExtraScriptsDirectory);
        return Task.Run(() =>
        {
            var engine = BuildEngine(connectionString, scripts, options ?? new MigrationOptions());
            var applied = engine.GetExecutedScripts();
            var pending = engine.GetScriptsToExecute().Select(s => s.Name).ToList();
            return new MigrationStatus(applied, pending);
        }, cancellationToken);
    }

    /// <summary>The names of the scripts this build knows (embedded ones plus an optional folder), in order.</summary>
    public static IReadOnlyList<string> ScriptNames(string? extraScriptsDirectory = null) =>
        MigrationScripts.Load(extraScriptsDirectory).Select(s => s.Name).ToList();

    private static List<string> Upgrade(string connectionString, IReadOnlyList<SqlScript> scripts, MigrationOptions options)
    {
        var engine = BuildEngine(connectionString, scripts, options);
        var applied = new List<string>();
        engine.ScriptExecuted += (_, e) =>
        {
            // The event is declared with plain EventArgs; DbUp raises it with ScriptExecutedEventArgs.
            if (e is ScriptExecutedEventArgs executed)
            {
                applied.Add(executed.Script.Name);
                options.Log?.WriteLine($"applied {executed.Script.Name}");
            }
        };

        var result = engine.PerformUpgrade();
        if (!result.Successful)
        {
            // Without a script the failure is the database's (connection, journal), not a migration's.
            if (result.ErrorScript is null)
            {
                ExceptionDispatchInfo.Throw(result.Error);
            }

            throw new MigrationFailedException(result.ErrorScript.Name, applied, result.Error);
        }

        return applied;
    }

    private static UpgradeEngine BuildEngine(string connectionString, IReadOnlyList<SqlScript> scripts, MigrationOptions options) =>
        DeployChanges.To
            .PostgresqlDatabase(connectionString, JournalSchema)
            .WithScripts(scripts)
            .WithTransactionPerScript()
            // Scripts use $$ quoting; DbUp's $variable$ substitution would misread it.
            .WithVariablesDisabled()
            .WithExecutionTimeout(options.ScriptTimeout)
            .JournalToPostgresqlTable(JournalSchema, JournalTable)
            .LogToNowhere()
            .Build();

    private static async Task<NpgsqlConnection> AcquireLockAsync(
        string connectionString, MigrationOptions options, CancellationToken cancellationToken)
    {
        // Not pooled: if this process dies, closing the session releases the lock.
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using (var tryLock = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection))
            {
                tryLock.Parameters.AddWithValue("key", AdvisoryLockKey);
                if (await tryLock.ExecuteScalarAsync(cancellationToken) is true)
                {
                    return connection;
                }
            }

            options.Log?.WriteLine("waiting for another migration runner to finish");
            await using (var waitLock = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
            {
                waitLock.CommandTimeout = (int)Math.Ceiling(options.LockTimeout.TotalSeconds);
                waitLock.Parameters.AddWithValue("key", AdvisoryLockKey);
                await waitLock.ExecuteNonQueryAsync(cancellationToken);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task ReleaseLockAsync(NpgsqlConnection connection)
    {
        try
        {
            await using var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection);
            unlock.Parameters.AddWithValue("key", AdvisoryLockKey);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // The connection is closed next; the server drops the session's locks with it.
        }
    }
}
