using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Templates;

namespace Orleans.Poker.Grains.Templates;

/// <summary>Runs <see cref="TemplateSeeder.SeedAsync"/> once the silo is active (every silo; seeding is idempotent).</summary>
public static class TemplateSeeding
{
    /// <summary>
    /// Seeds the default templates and opens their tables when the silo becomes active, then starts the room's tables
    /// keeper (<see cref="RoomTablesGrain"/>). A failure is an error, not
    /// fatal: the silo serves without seeded templates, an admin can create them, and the next start retries.
    /// </summary>
    public static ISiloBuilder AddPokerTemplateSeeding(this ISiloBuilder silo) =>
        silo.WhenActive("Seeding the default templates", typeof(TemplateSeeding), LogLevel.Error, async (grains, logger, cancellationToken) =>
        {
            var created = await TemplateSeeder.SeedAsync(grains, cancellationToken);
            logger.LogInformation("Seeded {Count} default templates: {Templates}", created.Count, created);
            var opened = await TemplateSeeder.OpenDefaultTablesAsync(grains, created, cancellationToken);
            logger.LogInformation("Opened {Count} default tables: {Tables}", opened.Count, opened);
            await grains.GetGrain<IRoomTablesGrain>(IRoomTablesGrain.Key).Start();
        });
}
