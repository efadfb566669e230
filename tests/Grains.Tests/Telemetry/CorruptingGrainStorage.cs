using Orleans.Poker.Grains.Tables;
using Orleans.Runtime;
using Orleans.Storage;

namespace Orleans.Poker.Grains.Tests.Telemetry;

/// <summary>
/// Test-only grain storage that corrupts a table's books once: at the first write of a table state with a hand in
/// progress, the recorded chips of its first seat at the hand's start grow by <see cref="Extra"/> — as a bug that
/// created or lost chips would leave them. Everything else goes to the wrapped storage unchanged.
/// </summary>
public sealed class CorruptingGrainStorage(IGrainStorage inner) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    public const long Extra = 7;

    private int done;

    /// <summary>The table whose books were corrupted, once it happened.</summary>
    public string? CorruptedTable { get; private set; }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (grainState.State is TableState { Hand: not null, HandStartStacks.Length: > 0 } table && Interlocked.Exchange(ref done, 1) == 0)
        {
            // The grain's own state object: the table settles the hand against these books.
            table.HandStartStacks[0] += Extra;
            CorruptedTable = grainId.Key.ToString();
        }

        return inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => inner.ClearStateAsync(stateName, grainId, grainState);

    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
}
