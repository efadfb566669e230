using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Templates;

namespace Orleans.Poker.Grains.Templates;

/// <summary>Creates the <see cref="DefaultTemplates"/> that do not exist yet. Safe to run on every silo start.</summary>
public static class TemplateSeeder
{
    /// <summary>Creates the missing default templates; returns the ids it created (empty when all existed).</summary>
    /// <remarks>A template that exists, or that an admin deleted (its versions stay readable), is left alone.</remarks>
    public static async Task<IReadOnlyList<string>> SeedAsync(IGrainFactory grains, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var created = new List<string>();
        foreach (var (id, config) in DefaultTemplates.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var template = grains.GetGrain<ITemplateGrain>(id);
            if (await template.Get() is not null || await WasDeleted(template))
            {
                continue;
            }

            try
            {
                await template.Create(config);
                created.Add(id);
            }
            catch (PokerException ex) when (ex.Code == "template_exists")
            {
                // Another silo seeded it first.
            }
        }

        return created;
    }

    private static async Task<bool> WasDeleted(ITemplateGrain template)
    {
        try
        {
            await template.GetVersion(1);
            return true;
        }
        catch (PokerException ex) when (ex.Code == "not_found")
        {
            return false;
        }
    }
}
