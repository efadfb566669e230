using Npgsql;
using Orleans.Poker.Migrations;

namespace Orleans.Poker.Grains.Tests.Storage;

/// <summary>
/// A throwaway PostgreSQL database with every migration applied, dropped afterwards: one per test class
/// (<c>IClassFixture</c>). Server and role from <c>POKER_TEST_POSTGRES</c> or the local default of <c>infra/services.sh</c>.
/// </summary>
public sealed class MigratedDatabase : IAsyncLifetime
{
    public const string Variable = "POKER_TEST_POSTGRES";

    private const string LocalDefault = "Host=127.0.0.1;Port=5432;Database=poker_test;Username=poker;Password=poker-dev";

    private readonly string _name = $"poker_grains_{Guid.NewGuid():N}";

    /// <summary>A data source on the throwaway database.</summary>
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public string ConnectionString { get; private set; } = "";

    private static string ServerConnectionString =>
        new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } set ? set : LocalDefault)
        {
            Pooling = false,
        }.ConnectionString;

    public async Task InitializeAsync()
    {
        await ExecuteOnServer($"CREATE DATABASE \"{_name}\"");
        ConnectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = _name, Pooling = true }.ConnectionString;
        await MigrationRunner.ApplyAsync(ConnectionString);
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (DataSource is not null)
        {
            await DataSource.DisposeAsync();
        }

        await ExecuteOnServer($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    /// <summary>Runs a query that returns one value.</summary>
    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteOnServer(string sql)
    {
        await using var connection = new NpgsqlConnection(ServerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
