using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Grains.Interfaces.Lobby;

/// <summary>
/// One partition of the lobby (key 0..<see cref="Partitions"/>-1, chosen by <see cref="PartitionOf"/>). Tables
/// report seat and status changes to their partition — never per action — so no single grain is hot.
/// </summary>
[Alias("poker.lobby")]
public interface ILobbyGrain : IGrainWithIntegerKey
{
    /// <summary>Number of lobby partitions.</summary>
    const int Partitions = 8;

    /// <summary>The partition a table belongs to (stable across processes).</summary>
    static long PartitionOf(string tableId)
    {
        var hash = 2166136261u;
        foreach (var c in tableId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash % Partitions;
    }

    /// <summary>
    /// Every partition's tables merged, ordered by name then id: the listed ones, or with
    /// <paramref name="includePrivate"/> every open one (for admins).
    /// </summary>
    static async Task<IReadOnlyList<TableSummary>> ListAll(IGrainFactory grains, bool includePrivate = false)
    {
        var parts = await Task.WhenAll(Enumerable.Range(0, Partitions).Select(p =>
            includePrivate ? grains.GetGrain<ILobbyGrain>(p).ListOpen() : grains.GetGrain<ILobbyGrain>(p).List()));
        return parts.SelectMany(p => p).OrderBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.TableId, StringComparer.Ordinal).ToList();
    }

    /// <summary>Adds or updates a table (private tables are kept but not listed).</summary>
    [Alias("Upsert")]
    Task Upsert(TableSummary table);

    /// <summary>Removes a table.</summary>
    [Alias("Remove")]
    Task Remove(string tableId);

    /// <summary>The listed (public, not ended) tables of this partition.</summary>
    [Alias("List")]
    Task<IReadOnlyList<TableSummary>> List();

    /// <summary>Every open table of this partition, private ones included (for admins).</summary>
    [Alias("ListOpen")]
    Task<IReadOnlyList<TableSummary>> ListOpen();

    /// <summary>Adds an observer of this partition's changes; re-subscribe periodically.</summary>
    [Alias("Subscribe")]
    Task Subscribe(ILobbyObserver observer);

    /// <summary>Removes an observer.</summary>
    [Alias("Unsubscribe")]
    Task Unsubscribe(ILobbyObserver observer);
}
