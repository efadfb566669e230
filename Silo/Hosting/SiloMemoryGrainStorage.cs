using System.Collections.Concurrent;
using Orleans.Storage;

namespace Orleans.Poker.Silo.Hosting;

/// <summary>
/// Grain state kept in this silo's memory, for the embedded default (one silo, nothing outlives the process).
/// Each write stores the state serialized by the Orleans serializer, as the PostgreSQL storage does, so a grain's
/// in-memory state is never shared with what is stored and a type that would not serialize fails here too.
/// Unlike Orleans' memory storage, which sends every write to a storage grain as a message, a write is a
/// dictionary update: the embedded default's storage should not cost more than the game.
/// E-tags are a per-entry version: a write from a stale activation is refused with <see cref="InconsistentStateException"/>.
/// </summary>
public sealed class SiloMemoryGrainStorage(IGrainStorageSerializer serializer) : IGrainStorage
{
    // One slot per grain state, swapped with compare-and-exchange: no lock on the write path.
    private readonly ConcurrentDictionary<(string State, GrainId Grain), Slot> slots = new();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (slots.TryGetValue((stateName, grainId), out var slot) && Volatile.Read(ref slot.Current) is { Data: { } data } entry)
        {
            grainState.State = serializer.Deserialize<T>(data);
            grainState.ETag = entry.ETag;
            grainState.RecordExists = true;
        }
        else
        {
            grainState.State = Activator.CreateInstance<T>();
            grainState.ETag = null;
            grainState.RecordExists = false;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var data = serializer.Serialize(grainState.State);
        var next = Swap(stateName, grainId, grainState.ETag, data);
        grainState.ETag = next.ETag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        Swap(stateName, grainId, grainState.ETag, data: null);
        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    /// <summary>Replaces the stored entry if it still has the e-tag the caller read; a cleared entry keeps counting versions.</summary>
    private Entry Swap(string stateName, GrainId grainId, string? expected, BinaryData? data)
    {
        var slot = slots.GetOrAdd((stateName, grainId), static _ => new Slot());
        while (true)
        {
            var current = Volatile.Read(ref slot.Current);
            if (!string.Equals(current?.ETag, expected, StringComparison.Ordinal))
            {
                throw new InconsistentStateException(
                    $"State {stateName} of {grainId} was written by another activation", current?.ETag ?? "(none)", expected ?? "(none)");
            }

            var next = new Entry(data, (current?.Version ?? 0) + 1);
            if (Interlocked.CompareExchange(ref slot.Current, next, current) == current)
            {
                return next;
            }
        }
    }

    private sealed class Slot
    {
        public Entry? Current;
    }

    /// <summary>A stored state (or, with no data, a cleared one) and its version.</summary>
    private sealed class Entry(BinaryData? data, long version)
    {
        public BinaryData? Data { get; } = data;

        public long Version { get; } = version;

        /// <summary>What the grain holds after reading or writing this entry (none once cleared).</summary>
        public string? ETag { get; } = data is null ? null : version.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
