using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Runtime;

namespace Orleans.Poker.Grains.Analytics;

/// <summary>Starts the analytics grain's reminder once the silo is active (every silo; starting is idempotent).</summary>
public static class AnalyticsScheduling
{
    public static ISiloBuilder AddPokerAnalytics(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, Participant>();
        return silo;
    }

    private sealed class Participant(IGrainFactory grains, ILogger<Participant> logger) : ILifecycleParticipant<ISiloLifecycle>
    {
        public void Participate(ISiloLifecycle lifecycle) =>
            lifecycle.Subscribe(nameof(AnalyticsScheduling), ServiceLifecycleStage.Active, StartAsync);

        private async Task StartAsync(CancellationToken cancellationToken)
        {
            try
            {
                await grains.GetGrain<IAnalyticsGrain>(IAnalyticsGrain.Key).Start();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Another silo's start (or the next one) registers it; the reminder itself is durable.
                logger.LogWarning(ex, "The analytics reminder could not be started");
            }
        }
    }
}
