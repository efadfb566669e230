using System.Collections.Concurrent;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Runtime;
using Orleans.Storage;

namespace Orleans.Poker.Grains.Tests.Storage;

/// <summary>
/// Test-only grain storage around the silo's own: <see cref="FailNextWrite(string, string, int)"/> makes one of a grain's
/// next state writes fail as a database that blinked does (<see cref="StoreUnavailableException"/>), without writing;
/// everything else passes through unchanged.
/// </summary>
public sealed class FaultyGrainStorage(IGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    // How many writes still pass before the one that fails.
    private readonly ConcurrentDictionary<(string State, string Key), int> failing = new();

    /// <summary>
    /// A write of state <paramref name="stateName"/> of the grain keyed <paramref name="key"/> fails: the next one, or
    /// the one after <paramref name="passing"/> more that succeed.
    /// </summary>
    public void FailNextWrite(string stateName, string key, int passing = 0) => failing[(stateName, key)] = passing;

    /// <summary>The same for <paramref name="grain"/> (any kind of key).</summary>
    public void FailNextWrite(string stateName, IAddressable grain, int passing = 0) =>
        FailNextWrite(stateName, grain.GetGrainId().Key.ToString()!, passing);

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId.Key.ToString()!);
        while (failing.TryGetValue(key, out var passing))
        {
            if (passing == 0 ? failing.TryRemove(KeyValuePair.Create(key, 0)) : failing.TryUpdate(key, passing - 1, passing))
            {
                return passing == 0 ? Task.FromException(new StoreUnavailableException()) : inner.WriteStateAsync(stateName, grainId, grainState);
            }
        }

        return inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
}
