using System.Collections.Concurrent;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Runtime;
using Orleans.Storage;

namespace Orleans.Poker.Grains.Tests.Storage;

/// <summary>
/// Test-only grain storage around the silo's own: <see cref="FailNextWrite"/> makes one grain's next state write fail
/// as a database that blinked does (<see cref="StoreUnavailableException"/>), without writing; everything else passes
/// through unchanged.
/// </summary>
public sealed class FaultyGrainStorage(IGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly ConcurrentDictionary<(string State, string Key), byte> failing = new();

    /// <summary>The next write of state <paramref name="stateName"/> of the grain keyed <paramref name="key"/> fails.</summary>
    public void FailNextWrite(string stateName, string key) => failing[(stateName, key)] = 0;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        failing.TryRemove((stateName, grainId.Key.ToString()!), out _)
            ? Task.FromException(new StoreUnavailableException())
            : inner.WriteStateAsync(stateName, grainId, grainState);

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
}
