using Npgsql;

namespace Orleans.Poker.Storage.Tests;

/// <summary>The reminder queries, run by key from orleansquery with the provider's parameter names.</summary>
public sealed class ReminderQueryTests
{
    [Fact]
    public async Task Upsert_bumps_the_version_and_delete_needs_the_current_one()
    {
        await using var db = await TestDatabase.CreateMigratedAsync();
        await using var connection = await db.OpenAsync();

        var inserted = await UpsertAsync(connection, "g1", hash: 1);
        var updated = await UpsertAsync(connection, "g1", hash: 1);
        var staleDelete = await DeleteAsync(connection, "g1", version: inserted);
        var delete = await DeleteAsync(connection, "g1", version: updated);

        Assert.Equal(0, inserted);
        Assert.Equal(1, updated);
        Assert.False(staleDelete);
        Assert.True(delete);
        Assert.Empty(await ReadAsync(connection, "ReadReminderRowsKey", command => command.Parameters.AddWithValue("GrainId", "g1")));
    }

    [Fact]
    public async Task Range_reads_take_the_half_open_range_or_its_wrapped_complement()
    {
        await using var db = await TestDatabase.CreateMigratedAsync();
        await using var connection = await db.OpenAsync();
        await UpsertAsync(connection, "low", hash: -5);
        await UpsertAsync(connection, "zero", hash: 0);
        await UpsertAsync(connection, "high", hash: 5);

        var inside = await ReadAsync(connection, "ReadRangeRows1Key", Range(begin: -5, end: 5));
        var wrapped = await ReadAsync(connection, "ReadRangeRows2Key", Range(begin: 3, end: -5));

        Assert.Equal(["high", "zero"], inside.Order(StringComparer.Ordinal));
        Assert.Equal(["high", "low"], wrapped.Order(StringComparer.Ordinal));
    }

    private static Action<NpgsqlCommand> Range(int begin, int end) => command =>
    {
        command.Parameters.AddWithValue("BeginHash", begin);
        command.Parameters.AddWithValue("EndHash", end);
    };

    private static async Task<NpgsqlCommand> CommandAsync(NpgsqlConnection connection, string key)
    {
        await using var lookup = new NpgsqlCommand("SELECT querytext FROM orleansquery WHERE querykey = @key", connection);
        lookup.Parameters.AddWithValue("key", key);
        var command = new NpgsqlCommand((string)(await lookup.ExecuteScalarAsync())!, connection);
        command.Parameters.AddWithValue("ServiceId", "svc");
        return command;
    }

    private static async Task<int> UpsertAsync(NpgsqlConnection connection, string grainId, int hash)
    {
        await using var command = await CommandAsync(connection, "UpsertReminderRowKey");
        command.Parameters.AddWithValue("GrainId", grainId);
        command.Parameters.AddWithValue("ReminderName", "r");
        command.Parameters.AddWithValue("StartTime", DateTime.UtcNow);
        command.Parameters.AddWithValue("Period", 60_000);
        command.Parameters.AddWithValue("GrainHash", hash);
        return (int)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<bool> DeleteAsync(NpgsqlConnection connection, string grainId, int version)
    {
        await using var command = await CommandAsync(connection, "DeleteReminderRowKey");
        command.Parameters.AddWithValue("GrainId", grainId);
        command.Parameters.AddWithValue("ReminderName", "r");
        command.Parameters.AddWithValue("Version", version);
        return (bool)(await command.ExecuteScalarAsync())!;
    }

    private static async Task<List<string>> ReadAsync(NpgsqlConnection connection, string key, Action<NpgsqlCommand> bind)
    {
        await using var command = await CommandAsync(connection, key);
        bind(command);
        var grainIds = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Assert.Equal(60_000L, reader.GetInt64(reader.GetOrdinal("Period")));
            grainIds.Add(reader.GetString(reader.GetOrdinal("GrainId")));
        }

        return grainIds;
    }
}
