using Npgsql;
using Orleans.TestingHost;

namespace Orleans.Poker.Storage.Tests;

public sealed class SiloRestartTests
{
    [Fact]
    public async Task State_and_reminder_survive_a_silo_restart_on_postgres()
    {
        await using var db = await TestDatabase.CreateMigratedAsync();
        var serviceId = $"poker-storage-{Guid.NewGuid():N}";

        await using (var first = await StartClusterAsync(db.ConnectionString, serviceId))
        {
            var probe = first.Client.GetGrain<IStorageProbeGrain>("probe-1");
            await probe.Remember("first");
            await probe.Remember("second");
            await first.StopAllSilosAsync();
        }

        StorageProbeSnapshot afterRestart;
        StorageProbeSnapshot afterForget;
        await using (var second = await StartClusterAsync(db.ConnectionString, serviceId))
        {
            var probe = second.Client.GetGrain<IStorageProbeGrain>("probe-1");
            afterRestart = await probe.Read();
            await probe.Forget();
            afterForget = await probe.Read();
            await second.StopAllSilosAsync();
        }

        Assert.Equal(new StorageProbeSnapshot("second", 2, true, StorageProbeGrain.ReminderName, 1), afterRestart);
        Assert.Equal(new StorageProbeSnapshot(null, 0, false, null, 0), afterForget);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM orleansreminders"));
    }

    [Fact]
    public async Task State_is_stored_with_the_orleans_serializer_under_the_service_id()
    {
        await using var db = await TestDatabase.CreateMigratedAsync();
        var serviceId = $"poker-storage-{Guid.NewGuid():N}";

        await using (var cluster = await StartClusterAsync(db.ConnectionString, serviceId))
        {
            await cluster.Client.GetGrain<IStorageProbeGrain>("probe-2").Remember("hello");
            await cluster.StopAllSilosAsync();
        }

        await using var connection = await db.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT payloadbinary, version, serviceid, grainidextensionstring FROM orleansstorage", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var payload = (byte[])reader[0];
        var text = System.Text.Encoding.UTF8.GetString(payload);
        Assert.Equal(1, reader.GetInt32(1));
        Assert.Equal(serviceId, reader.GetString(2));
        Assert.Equal("probe-2", reader.GetString(3));
        Assert.Contains("hello", text);
        Assert.DoesNotContain("$type", text);
        Assert.NotEqual((byte)'{', payload[0]);
        Assert.False(await reader.ReadAsync());
    }

    private static async Task<InProcessTestCluster> StartClusterAsync(string connectionString, string serviceId)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.Options.ServiceId = serviceId;
        builder.Options.ConfigureFileLogging = false;
        builder.ConfigureSilo((_, silo) => silo
            .AddPostgresGrainStorage(StorageProbeGrain.StorageName, connectionString)
            .UsePostgresReminders(connectionString));
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }
}
