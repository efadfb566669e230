using Npgsql;
using Orleans.Poker.Migrations;

namespace Orleans.Poker.TestSupport;

/// <summary>
/// A throwaway PostgreSQL database with a random name, created from the test settings
/// (<c>POKER_TEST_POSTGRES</c>, default: the local test database of <c>infra/services.sh</c>)
/// and dropped on dispose. Its role needs CREATEDB.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    /// <summary>The variable holding the test connection string.</summary>
    public const string Variable = "POKER_TEST_POSTGRES";

    /// <summary>The settings <c>infra/services.sh</c> creates, with its development password.</summary>
    public const string DefaultConnectionString =
        "Host=127.0.0.1;Port=5432;Database=poker_test;Username=poker;Password=poker-dev";

    private TestDatabase(string name, string connectionString)
    {
        Name = name;
        ConnectionString = connectionString;
    }

    /// <summary>The database's name, e.g. <c>poker_t_3f2a...</c>.</summary>
    public string Name { get; }

    /// <summary>A connection string to this database.</summary>
    public string ConnectionString { get; }

    private static string AdminConnectionString =>
        new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured
            ? configured
            : DefaultConnectionString) { Pooling = false }.ConnectionString;

    /// <summary>Creates an empty database.</summary>
    public static async Task<TestDatabase> CreateAsync()
    {
        var name = $"poker_t_{Guid.NewGuid():N}";
        await ExecuteAdminAsync($"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(AdminConnectionString)
        {
            Database = name,
            Pooling = true,
        }.ConnectionString;
        return new TestDatabase(name, connectionString);
    }

    /// <summary>Creates a database with every migration applied.</summary>
    public static async Task<TestDatabase> CreateMigratedAsync()
    {
        var database = await CreateAsync();
        await MigrationRunner.ApplyAsync(database.ConnectionString);
        return database;
    }

    /// <summary>Opens a connection to this database.</summary>
    public async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Runs a query returning one value.</summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Drops the database, closing any session still on it.</summary>
    public async ValueTask DisposeAsync()
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        // Plain DROP waits out an autovacuum worker on the database, which FORCE may not terminate
        // (it runs as no role); FORCE ends client sessions still open on it, e.g. a silo's.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{Name}\"");
                return;
            }
            catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ObjectInUse && attempt < 3)
            {
                try
                {
                    await ExecuteAdminAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
                    return;
                }
                catch (PostgresException forced) when (forced.SqlState == PostgresErrorCodes.InsufficientPrivilege)
                {
                    // An autovacuum worker arrived meanwhile: the plain DROP again waits it out.
                }
            }
        }
    }

    private static async Task ExecuteAdminAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
