using Orleans.Runtime;

namespace Orleans.Poker.TestSupport;

/// <summary>Where table activations are, as the management grain reports them (the tables themselves are not called).</summary>
public static class TableHosts
{
    /// <summary>The silo hosting each of the given tables that is active somewhere.</summary>
    public static async Task<Dictionary<string, SiloAddress>> Of(IGrainFactory grains, IReadOnlySet<string> tableIds)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var statistics = await grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        return statistics
            // The waitlist grain of a table has the table's key: keep the table grains only.
            .Where(s => s.GrainType.Contains("TableGrain", StringComparison.Ordinal) && tableIds.Contains(s.GrainId.Key.ToString()!))
            // A table moving between silos may be listed on both for a moment: its first listing counts.
            .GroupBy(s => s.GrainId.Key.ToString()!)
            .ToDictionary(g => g.Key, g => g.First().SiloAddress);
    }
}
