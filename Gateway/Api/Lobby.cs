using System.Security.Cryptography;
using Orleans.Poker.Grains.Interfaces.Lobby;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Gateway.Api;

/// <summary>Reads the lobby: every partition, merged.</summary>
public static class Lobby
{
    /// <summary>All listed tables (with <paramref name="includePrivate"/>, every open table), ordered by name then id.</summary>
    public static async Task<IReadOnlyList<TableSummary>> ListAll(IGrainFactory grains, bool includePrivate = false)
    {
        var parts = await Task.WhenAll(Enumerable.Range(0, ILobbyGrain.Partitions).Select(p =>
            includePrivate ? grains.GetGrain<ILobbyGrain>(p).ListOpen() : grains.GetGrain<ILobbyGrain>(p).List()));
        return parts.SelectMany(p => p).OrderBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.TableId, StringComparer.Ordinal).ToList();
    }

    /// <summary>A new table id: 12 lowercase letters and digits (unguessable, so private tables cannot be found).</summary>
    public static string NewTableId()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        return "t" + RandomNumberGenerator.GetString(alphabet, 15);
    }
}
