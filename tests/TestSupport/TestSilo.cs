using Microsoft.Extensions.DependencyInjection;
using Orleans.Hosting;
using Orleans.Poker.Grains;
using Orleans.Poker.Grains.Storage;
using Orleans.Poker.Grains.Tables;
using Orleans.Reminders;
using Orleans.Runtime;
using Orleans.TestingHost;

namespace Orleans.Poker.TestSupport;

/// <summary>
/// The in-process test silo: the grains with the production stores (<see cref="PokerStoreServiceCollectionExtensions.AddPokerStores"/>)
/// and the tables' hand-over when a silo stops (<see cref="TableHandOver"/>),
/// memory grain storage named <see cref="PokerStorage.Name"/> and the tests' clock. Unlike the silo's own
/// <c>AddPokerGrains</c> it seeds no templates (the tests create their own) and keeps Orleans' default timeouts.
/// </summary>
public static class TestSilo
{
    /// <summary>
    /// Memory grain storage <see cref="PokerStorage.Name"/>, the stores beside grain state (memory, or PostgreSQL when
    /// <paramref name="stores"/> is a connection string), in-memory reminders unless <paramref name="reminders"/> is false,
    /// <paramref name="time"/> as the grains' clock when given, and the tests' <see cref="CallGates"/>.
    /// </summary>
    public static ISiloBuilder AddTestGrains(this ISiloBuilder silo, TimeProvider? time = null, string? stores = null, bool reminders = true)
    {
        silo.AddMemoryGrainStorage(PokerStorage.Name);
        if (reminders)
        {
            silo.UseInMemoryReminderService();
        }

        if (time is not null)
        {
            silo.Services.AddSingleton(time);
            KeepInfrastructureOnRealTime(silo.Services);
        }

        silo.Services.AddPokerStores(stores);
        silo.AddTableHandOver();
        silo.AddCallGates();
        return silo;
    }

    /// <summary>
    /// Orleans 10 gives each of its areas its own clock, resolved by key (<see cref="TimeProviderNames"/>), and every key
    /// defaults to the silo's <see cref="TimeProvider"/>: under the tests' fake clock membership (its table refreshes,
    /// I-am-alive writes and health checks), call timeouts, activation collection, the directory and gateway loops would
    /// run only when a test advances the clock, all at once after a long jump, and inline in the advancing call. They stay
    /// on real time (<see cref="TimeProviderTestingExtensions.UseTimeProviderForBackgroundAreas"/>); grain timers
    /// (<see cref="TimeProviderNames.Grains"/>) and reminders (<see cref="ReminderTimeProviderNames.Reminders"/>) keep
    /// the fake clock, as the grains do.
    /// </summary>
    private static void KeepInfrastructureOnRealTime(IServiceCollection services)
    {
        services.UseTimeProviderForBackgroundAreas(TimeProvider.System);
        services.AddKeyedSingleton<TimeProvider>(ReminderTimeProviderNames.Reminders, static (sp, _) => sp.GetRequiredService<TimeProvider>());
    }

    /// <summary>
    /// <paramref name="silos"/> silos (one unless told) with <see cref="AddTestGrains"/> on <paramref name="time"/>;
    /// <paramref name="configure"/> adds to the builder first (the silo host's configuration, say).
    /// </summary>
    public static InProcessTestCluster Build(TimeProvider time, Action<InProcessTestClusterBuilder>? configure = null, short silos = 1)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        configure?.Invoke(builder);
        builder.ConfigureSilo((_, silo) => silo.AddTestGrains(time));
        return builder.Build();
    }

    /// <summary>
    /// Builds and deploys a cluster. On a heavily loaded machine a silo's join was seen to be cancelled, or its client
    /// to find no gateway yet; a fresh cluster then starts (three attempts).
    /// </summary>
    public static async Task<InProcessTestCluster> DeployAsync(Func<InProcessTestCluster> build)
    {
        for (var attempt = 1; ; attempt++)
        {
            var cluster = build();
            try
            {
                await cluster.DeployAsync();
                return cluster;
            }
            catch (Exception ex) when (ex is OperationCanceledException or SiloUnavailableException && attempt < 3)
            {
                await cluster.DisposeAsync();
            }
        }
    }
}
