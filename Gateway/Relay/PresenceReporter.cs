using System.Threading.Channels;
using Orleans.Poker.Grains.Interfaces.Pings;
using Orleans.Poker.ServiceDefaults.Configuration;

namespace Orleans.Poker.Gateway.Relay;

/// <summary>
/// Tells the tables' presence grains (<see cref="ITablePresenceGrain"/>) which players have a live hub connection to them
/// through this gateway: entered with their first connection watching a table, left with the last, and every
/// <see cref="GatewaySettings.ResubscribeInterval"/> renewed for three intervals (a gateway that crashed leaves nobody
/// present after that). Changes and renewals go out one at a time, in order, never on the hub call's path; a failed
/// call is logged and repaired by the next renewal.
/// </summary>
public sealed partial class PresenceReporter(IGrainFactory grains, PokerOptions options, TimeProvider time, ILogger<PresenceReporter> logger) : BackgroundService
{
    private const int LeaseIntervals = 3;

    private readonly Channel<Change> changes = Channel.CreateUnbounded<Change>(new UnboundedChannelOptions { SingleReader = true });

    // Per table, the players this gateway holds there (touched by the loop only).
    private readonly Dictionary<string, HashSet<long>> present = new(StringComparer.Ordinal);

    /// <summary>This gateway's name in the presence grains.</summary>
    public string Holder { get; } = $"gateway/{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    private TimeSpan Lease => options.Gateway.ResubscribeInterval * LeaseIntervals;

    /// <summary>The player's first connection to the table opened.</summary>
    public void Entered(long playerId, string tableId) => changes.Writer.TryWrite(new Change(tableId, playerId, true));

    /// <summary>The player's last connection to the table went.</summary>
    public void Left(long playerId, string tableId) => changes.Writer.TryWrite(new Change(tableId, playerId, false));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var renewals = Renewals(stoppingToken);
        try
        {
            await foreach (var change in changes.Reader.ReadAllAsync(stoppingToken))
            {
                await Apply(change);
            }
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }

        await renewals;
    }

    /// <summary>Queues a renewal of every table each interval, in order with the changes.</summary>
    private async Task Renewals(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Gateway.ResubscribeInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                changes.Writer.TryWrite(default);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task Apply(Change change)
    {
        if (change.TableId is null)
        {
            foreach (var (tableId, players) in present)
            {
                await Call(tableId, presence => presence.Renew(Holder, [.. players], Lease));
            }

            return;
        }

        if (!present.TryGetValue(change.TableId, out var held))
        {
            present[change.TableId] = held = [];
        }

        if (change.Entered)
        {
            held.Add(change.PlayerId);
            await Call(change.TableId, presence => presence.Enter(change.PlayerId, Holder, Lease));
        }
        else
        {
            held.Remove(change.PlayerId);
            if (held.Count == 0)
            {
                present.Remove(change.TableId);
            }

            await Call(change.TableId, presence => presence.Leave(change.PlayerId, Holder));
        }
    }

    private async Task Call(string tableId, Func<ITablePresenceGrain, Task> call)
    {
        try
        {
            await call(grains.GetGrain<ITablePresenceGrain>(tableId));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogFailed(logger, e, tableId);
        }
    }

    /// <summary>A player entering or leaving a table; no table: renew them all.</summary>
    private readonly record struct Change(string? TableId, long PlayerId, bool Entered);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not record who is present at table {TableId}: the next renewal repairs it")]
    private static partial void LogFailed(ILogger logger, Exception exception, string tableId);
}
