using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Operations;

namespace Orleans.Poker.ServiceDefaults.Operations;

/// <summary>
/// Every <see cref="Interval"/> takes this process's <see cref="OperationsSummary"/> and sends it to the room's
/// <see cref="IOperationsGrain"/>. A sample that cannot be sent (the cluster is not up yet, or a silo is down) is
/// dropped: the page shows a gap, and the next interval is reported as usual.
/// </summary>
public sealed class OperationsReporter(
    IGrainFactory grains,
    OperationsListener listener,
    OperationsProcess process,
    TimeSpan interval,
    TimeProvider time,
    ILogger<OperationsReporter> logger) : BackgroundService
{
    private bool failing;

    public TimeSpan Interval { get; } = interval;

    public OperationsProcess Process { get; } = process;

    /// <summary>Sends the interval ending now; false when it could not be delivered (logged).</summary>
    public async Task<bool> Report()
    {
        var sample = listener.Summary.Take(time.GetUtcNow());
        try
        {
            await grains.GetGrain<IOperationsGrain>(IOperationsGrain.Key).Record(Process, sample);
            if (failing)
            {
                failing = false;
                logger.LogInformation("Operations samples of {Kind} {ProcessId} reach the cluster again", Process.Kind, Process.Id);
            }

            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Once per outage at Warning: while the cluster is away every interval would say the same.
            if (!failing)
            {
                failing = true;
                logger.LogWarning(ex, "Operations sample of {Kind} {ProcessId} not delivered; retrying every {Interval}", Process.Kind, Process.Id, Interval);
            }
            else
            {
                logger.LogDebug(ex, "Operations sample of {Kind} {ProcessId} not delivered", Process.Kind, Process.Id);
            }

            return false;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("Operations samples of {Kind} {ProcessId} (roles {Roles}) every {Interval}", Process.Kind, Process.Id, Process.Roles, Interval);
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await Report();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
