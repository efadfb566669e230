using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace Orleans.Poker.Grains.Templates;

/// <summary>Runs <see cref="TemplateSeeder.SeedAsync"/> once the silo is active (every silo; seeding is idempotent).</summary>
public static class TemplateSeeding
{
    /// <summary>Seeds the default templates when the silo becomes active. A failure is logged, not fatal.</summary>
    public static ISiloBuilder AddPokerTemplateSeeding(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, Participant>();
        return silo;
    }

    private sealed class Participant(IGrainFactory grains, ILogger<Participant> logger) : ILifecycleParticipant<ISiloLifecycle>
    {
        public void Participate(ISiloLifecycle lifecycle) =>
            lifecycle.Subscribe(nameof(TemplateSeeding), ServiceLifecycleStage.Active, SeedAsync);

        private async Task SeedAsync(CancellationToken cancellationToken)
        {
            try
            {
                var created = await TemplateSeeder.SeedAsync(grains, cancellationToken);
                logger.LogInformation("Seeded {Count} default templates: {Templates}", created.Count, created);
                var opened = await TemplateSeeder.OpenDefaultTablesAsync(grains, created, cancellationToken);
                logger.LogInformation("Opened {Count} default tables: {Tables}", opened.Count, opened);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The silo serves without seeded templates; an admin can create them, and the next start retries.
                logger.LogError(ex, "Seeding the default templates failed");
            }
        }
    }
}
