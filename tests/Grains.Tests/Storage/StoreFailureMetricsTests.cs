using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Storage;
using Orleans.Poker.Grains.Telemetry;
using Orleans.Poker.Grains.Tests.Telemetry;
using Orleans.Runtime;
using Orleans.Storage;

namespace Orleans.Poker.Grains.Tests.Storage;

public sealed class StoreFailureMetricsTests
{
    [Fact]
    public async Task Each_grain_storage_failure_is_counted_with_its_operation()
    {
        using var services = new ServiceCollection().AddMetrics().AddSingleton<StorageMetrics>().BuildServiceProvider();
        var metrics = services.GetRequiredService<StorageMetrics>();
        using var meter = new MeterCapture(metrics.Meter);
        var storage = new StoreFailureGrainStorage(new FailingStorage(), PokerStorage.Name, metrics, NullLogger<StoreFailureGrainStorage>.Instance);
        var grain = GrainId.Create("table", "t-1");
        var state = new GrainState<string> { State = "" };

        await Assert.ThrowsAsync<StoreUnavailableException>(() => storage.ReadStateAsync("table", grain, state));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => storage.WriteStateAsync("table", grain, state));
        await Assert.ThrowsAsync<StoreUnavailableException>(() => storage.WriteStateAsync("table", grain, state));

        Assert.Equal(3, meter.Sum("poker.storage.failures", "source", "grain_storage"));
        Assert.Equal(1, meter.Sum("poker.storage.failures", "operation", "read"));
        Assert.Equal(2, meter.Sum("poker.storage.failures", "operation", "write"));
    }

    private sealed class FailingStorage : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.FromException(new NpgsqlException("connection refused"));

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.FromException(new NpgsqlException("connection refused"));

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.FromException(new NpgsqlException("connection refused"));
    }
}
