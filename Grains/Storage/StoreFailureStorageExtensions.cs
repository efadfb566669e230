using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Telemetry;
using Orleans.Storage;

namespace Orleans.Poker.Grains.Storage;

/// <summary>Wraps a registered grain storage in <see cref="StoreFailureGrainStorage"/>.</summary>
public static class StoreFailureStorageExtensions
{
    /// <summary>
    /// Replaces the grain storage registered as <paramref name="name"/> (keyed, as Orleans registers providers) with
    /// one that reports database failures as <see cref="Interfaces.Common.StoreUnavailableException"/>. Call it after
    /// the provider is added.
    /// </summary>
    public static IServiceCollection TranslateStorageFailures(this IServiceCollection services, string name)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(IGrainStorage) && d.IsKeyedService && Equals(d.ServiceKey, name)
                && d.KeyedImplementationFactory is not null)
            ?? throw new InvalidOperationException($"No grain storage named {name} is registered");
        services.Remove(registered);
        services.AddMetrics();
        services.TryAddSingleton<StorageMetrics>();
        services.AddKeyedSingleton<IGrainStorage>(name, (provider, key) => new StoreFailureGrainStorage(
            (IGrainStorage)registered.KeyedImplementationFactory!(provider, key),
            name,
            provider.GetRequiredService<StorageMetrics>(),
            provider.GetRequiredService<ILogger<StoreFailureGrainStorage>>()));
        return services;
    }
}
