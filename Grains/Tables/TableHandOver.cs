using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Core.Internal;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Telemetry;
using Orleans.Runtime;
using Orleans.Runtime.Placement;

namespace Orleans.Poker.Grains.Tables;

/// <summary>
/// When a silo stops gracefully, before it deactivates its grains: its open tables move to the other active silos,
/// each with its state and hand in memory (Orleans' migration, <see cref="TableGrain.OnDehydrate"/>), spread over them
/// in turn, to the silos started after this one when there are any (in a rolling update, the new release's). Left to
/// the shutdown, only a table with calls waiting would move: one between two hands would stop until something called
/// it (a player's client watching it again, at the latest its gateway's renewal a minute later). A table that cannot move is deactivated as before and loads from storage when next called.
/// </summary>
public sealed partial class TableHandOver(
    IGrainFactory grains, GameMetrics metrics, IClusterMembershipService membership, ILocalSiloDetails silo, ILogger<TableHandOver> logger)
    : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(TableHandOver), ServiceLifecycleStage.Active, _ => Task.CompletedTask, HandOver);

    /// <summary>Asks each open table of this silo to move to another active silo; how many were asked.</summary>
    public async Task<int> HandOver(CancellationToken cancellationToken)
    {
        var others = membership.CurrentSnapshot.Members.Values
            .Where(m => m.Status == SiloStatus.Active && !m.SiloAddress.Equals(silo.SiloAddress))
            .Select(m => m.SiloAddress)
            .ToArray();
        // Silos started after this one first: in a rolling update they are the new release's, which stay.
        var newer = others.Where(o => o.Generation > silo.SiloAddress.Generation).ToArray();
        var targets = newer.Length > 0 ? newer : others;
        var tables = metrics.OpenTables();
        if (tables.Count == 0 || targets.Length == 0)
        {
            LogNothingToHandOver(logger, tables.Count, targets.Length);
            return 0;
        }

        var moved = (await Task.WhenAll(tables.Select((tableId, i) => Move(tableId, targets[i % targets.Length], cancellationToken)))).Count(m => m);
        LogHandedOver(logger, moved, tables.Count, targets.Length);
        return moved;
    }

    private async Task<bool> Move(string tableId, SiloAddress target, CancellationToken cancellationToken)
    {
        // The hint travels with this call only (the request context is the async flow's own).
        RequestContext.Set(IPlacementDirector.PlacementHintKey, target);
        try
        {
            await grains.GetGrain<ITableGrain>(tableId).Cast<IGrainManagementExtension>().MigrateOnIdle(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogNotMoved(logger, e, tableId, target);
            return false;
        }
        finally
        {
            RequestContext.Clear();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: moving {Moved} of {Tables} open tables to {Silos} other silos")]
    private static partial void LogHandedOver(ILogger logger, int moved, int tables, int silos);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopping: {Tables} open tables and {Silos} other active silos, nothing to move (the tables load again where they are next called)")]
    private static partial void LogNothingToHandOver(ILogger logger, int tables, int silos);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping: table {TableId} could not be moved to {Silo}; it loads again where it is next called")]
    private static partial void LogNotMoved(ILogger logger, Exception exception, string tableId, SiloAddress silo);
}

/// <summary>Registers <see cref="TableHandOver"/>.</summary>
public static class TableHandOverSetup
{
    public static ISiloBuilder AddTableHandOver(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddSingleton<TableHandOver>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services => services.GetRequiredService<TableHandOver>());
        return silo;
    }
}
