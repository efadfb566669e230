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
    private readonly ConcurrentDictionary<(string State, GrainId Grain), Entry> entries = new();

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (entries.TryGetValue((stateName, grainId), out var entry))
        {
            grainState.State = serializer.Deserialize<T>(entry.Data);
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
        var key = (stateName, grainId);
        while (true)
        {
            if (entries.TryGetValue(key, out var current))
            {
                Check(current.ETag, grainState.ETag, stateName, grainId);
                var next = new Entry(data, current.Version + 1);
                if (entries.TryUpdate(key, next, current))
                {
                    grainState.ETag = next.ETag;
                    break;
                }
            }
            else
            {
                Check(null, grainState.ETag, stateName, grainId);
                var first = new Entry(data, 1);
                if (entries.TryAdd(key, first))
                {
                    grainState.ETag = first.ETag;
                    break;
                }
            }
        }

        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = (stateName, grainId);
        if (entries.TryGetValue(key, out var current))
        {
            Check(current.ETag, grainState.ETag, stateName, grainId);
            if (!entries.TryRemove(new KeyValuePair<(string, GrainId), Entry>(key, current)))
            {
                throw Conflict(stateName, grainId, current.ETag, grainState.ETag);
            }
        }

        grainState.State = Activator.CreateInstance<T>();
        grainState.ETag = null;
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }

    private static void Check(string? stored, string? expected, string stateName, GrainId grainId)
    {
        if (!string.Equals(stored, expected, StringComparison.Ordinal))
        {
            throw Conflict(stateName, grainId, stored, expected);
        }
    }

    private static InconsistentStateException Conflict(string stateName, GrainId grainId, string? stored, string? expected) =>
        new($"State {stateName} of {grainId} was written by another activation", stored ?? "(none)", expected ?? "(none)");

    private sealed record Entry(BinaryData Data, long Version)
    {
        public string ETag { get; } = Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
