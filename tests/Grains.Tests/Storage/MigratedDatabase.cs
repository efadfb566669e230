using Npgsql;

namespace Orleans.Poker.Grains.Tests.Storage;

/// <summary>
/// A <see cref="TestDatabase"/> with every migration applied, dropped afterwards: one per test class
/// (<c>IClassFixture</c>), with a data source on it.
/// </summary>
public sealed class MigratedDatabase : IAsyncLifetime
{
    private TestDatabase? database;

    /// <summary>A data source on the throwaway database.</summary>
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public string ConnectionString => database?.ConnectionString ?? "";

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateMigratedAsync();
        DataSource = NpgsqlDataSource.Create(database.ConnectionString);
    }

    public async Task DisposeAsync()
    {
        if (DataSource is not null)
        {
            await DataSource.DisposeAsync();
        }

        if (database is not null)
        {
            await database.DisposeAsync();
        }
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
}
