using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Telemetry;
using Orleans.Runtime;
using Orleans.Storage;

namespace Orleans.Poker.Grains.Storage;

/// <summary>
/// Grain storage that reports a database failure as a <see cref="StoreUnavailableException"/> (logged with the original
/// here). Grain state is read while a grain activates, outside any grain call: without this a caller whose grain could
/// not activate got the database's own exception, which no other process can deserialize (a 500, not a 503).
/// </summary>
public sealed partial class StoreFailureGrainStorage(IGrainStorage inner, string name, StorageMetrics metrics, ILogger<StoreFailureGrainStorage> logger)
    : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Translate(inner.ReadStateAsync(stateName, grainId, grainState), "read", stateName, grainId);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Translate(inner.WriteStateAsync(stateName, grainId, grainState), "write", stateName, grainId);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        Translate(inner.ClearStateAsync(stateName, grainId, grainState), "clear", stateName, grainId);

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

    private async Task Translate(Task operation, string what, string stateName, GrainId grainId)
    {
        try
        {
            await operation;
        }
        catch (Exception ex) when (DatabaseErrors.Find(ex) is { } database)
        {
            LogFailure(logger, database, name, what, stateName, grainId.ToString());
            metrics.GrainStorageFailed(what);
            throw new StoreUnavailableException();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Grain storage {Storage} could not {Operation} {State} of {Grain}")]
    private static partial void LogFailure(ILogger logger, Exception exception, string storage, string operation, string state, string grain);
}
