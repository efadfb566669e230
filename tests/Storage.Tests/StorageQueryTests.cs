using Npgsql;

namespace Orleans.Poker.Storage.Tests;

/// <summary>
/// The version contract of the persistence queries, run as the provider runs them: by key from
/// orleansquery, with its parameter names. A returned version equal to the one sent (or none)
/// is what makes the provider raise InconsistentStateException.
/// </summary>
public sealed class StorageQueryTests
{
    [Fact]
    public async Task First_write_creates_version_1_and_a_second_first_write_gets_no_version()
    {
        await using var db = await TestDatabase.CreateMigratedAsync();

        var first = await WriteAsync(db, expectedVersion: null, payload: [1]);
        var second = await WriteAsync(db, expectedVersion: null, payload: [2]);

        Assert.Equal(1, first);
        Assert.Null(second);
        Assert.Equal((byte[])[1], await ReadPayloadAsync(db));
    }

    [Fact]
    public async Task Write_with_the_stored_version_bumps_it_and_a_stale_write_changes_nothing()
    {
        await using var db = await TestDatabase.CreateMigratedAsync();
        await WriteAsync(db, expectedVersion: null, payload: [1]);

        var fresh = await WriteAsync(db, expectedVersion: 1, payload: [2]);
        var stale = await WriteAsync(db, expectedVersion: 1, payload: [3]);

        Assert.Equal(2, fresh);
        Assert.Equal(1, stale);
        Assert.Equal((byte[])[2], await ReadPayloadAsync(db));
    }

    [Fact]
    public async Task Clear_empties_the_payload_and_a_stale_clear_changes_nothing()
    {
        await using var db = await TestDatabase.CreateMigratedAsync();
        await WriteAsync(db, expectedVersion: null, payload: [1]);

        var stale = await ClearAsync(db, expectedVersion: 5);
        var payloadAfterStale = await ReadPayloadAsync(db);
        var cleared = await ClearAsync(db, expectedVersion: 1);

        Assert.Equal(5, stale);
        Assert.Equal((byte[])[1], payloadAfterStale);
        Assert.Equal(2, cleared);
        Assert.Null(await ReadPayloadAsync(db));
    }

    private static async Task<string> QueryAsync(NpgsqlConnection connection, string key)
    {
        await using var command = new NpgsqlCommand("SELECT querytext FROM orleansquery WHERE querykey = @key", connection);
        command.Parameters.AddWithValue("key", key);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static NpgsqlCommand GrainCommand(NpgsqlConnection connection, string sql, int? expectedVersion)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("GrainIdHash", 42);
        command.Parameters.AddWithValue("GrainIdN0", 0L);
        command.Parameters.AddWithValue("GrainIdN1", 0L);
        command.Parameters.AddWithValue("GrainTypeHash", 7);
        command.Parameters.AddWithValue("GrainTypeString", "probe");
        command.Parameters.AddWithValue("GrainIdExtensionString", DBNull.Value);
        command.Parameters.AddWithValue("ServiceId", "svc");
        command.Parameters.AddWithValue("GrainStateVersion", expectedVersion is null ? DBNull.Value : expectedVersion.Value);
        return command;
    }

    private static async Task<int?> WriteAsync(TestDatabase db, int? expectedVersion, byte[] payload)
    {
        await using var connection = await db.OpenAsync();
        await using var command = GrainCommand(connection, await QueryAsync(connection, "WriteToStorageKey"), expectedVersion);
        command.Parameters.AddWithValue("PayloadBinary", payload);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var ordinal = reader.GetOrdinal("NewGrainStateVersion");
        return reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);
    }

    private static async Task<int?> ClearAsync(TestDatabase db, int? expectedVersion)
    {
        await using var connection = await db.OpenAsync();
        await using var command = GrainCommand(connection, await QueryAsync(connection, "ClearStorageKey"), expectedVersion);
        var result = await command.ExecuteScalarAsync();
        return result is DBNull or null ? null : (int)result;
    }

    private static async Task<byte[]?> ReadPayloadAsync(TestDatabase db)
    {
        await using var connection = await db.OpenAsync();
        await using var command = GrainCommand(connection, await QueryAsync(connection, "ReadFromStorageKey"), null);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var ordinal = reader.GetOrdinal("PayloadBinary");
        return reader.IsDBNull(ordinal) ? null : (byte[])reader[ordinal];
    }
}
