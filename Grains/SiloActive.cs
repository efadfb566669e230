using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Orleans.Poker.Grains;

/// <summary>
/// Work every silo does once it is active (so the work must be idempotent). A failure is logged at the given level,
/// never fatal: the silo serves on, and the next start tries again.
/// </summary>
public static class SiloActive
{
    /// <param name="what">What the work is, for the log ("seeding the default templates").</param>
    /// <param name="owner">The log category.</param>
    public static ISiloBuilder WhenActive(
        this ISiloBuilder silo, string what, Type owner, LogLevel failure, Func<IGrainFactory, ILogger, CancellationToken, Task> work)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>>(services => new Participant(
            what, failure, work, services.GetRequiredService<IGrainFactory>(), services.GetRequiredService<ILoggerFactory>().CreateLogger(owner)));
        return silo;
    }

    private sealed class Participant(
        string what, LogLevel failure, Func<IGrainFactory, ILogger, CancellationToken, Task> work, IGrainFactory grains, ILogger logger)
        : ILifecycleParticipant<ISiloLifecycle>
    {
        public void Participate(ISiloLifecycle lifecycle) => lifecycle.Subscribe(what, ServiceLifecycleStage.Active, RunAsync);

        private async Task RunAsync(CancellationToken cancellationToken)
        {
            try
            {
                await work(grains, logger, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.Log(failure, ex, "{What} failed when the silo started", what);
            }
        }
    }
}
