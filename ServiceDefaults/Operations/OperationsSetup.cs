using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Operations;
using Orleans.Poker.ServiceDefaults.Configuration;

namespace Orleans.Poker.ServiceDefaults.Operations;

/// <summary>The operations page's data source in every process: an <see cref="OperationsReporter"/> and what it listens to.</summary>
public static class OperationsSetup
{
    /// <summary>Shortest reporting interval accepted (a shorter setting is raised to it).</summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Reports this process (<paramref name="kind"/>, serving <paramref name="roles"/>, reachable on
    /// <paramref name="port"/>) to the operations grain every <c>POKER__Telemetry__OperationsInterval</c>, unless
    /// telemetry is off or the interval is zero. The host provides <see cref="IGrainFactory"/>.
    /// </summary>
    public static IHostApplicationBuilder AddPokerOperations(this IHostApplicationBuilder builder, PokerOptions options, string kind, int port, params string[] roles)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var interval = options.Telemetry.OperationsInterval;
        if (!options.Telemetry.Enabled || interval <= TimeSpan.Zero)
        {
            return builder;
        }

        interval = interval < MinimumInterval ? MinimumInterval : interval;
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new OperationsListener(new OperationsSummary(sp.GetRequiredService<TimeProvider>().GetUtcNow())));
        services.AddHostedService(sp =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            var process = new OperationsProcess
            {
                Kind = kind,
                Id = $"{Environment.MachineName}:{port}",
                Version = ProductInfo.Version,
                StartedAt = time.GetUtcNow(),
                Roles = roles.Length == 0 ? [kind] : roles,
            };
            return new OperationsReporter(
                sp.GetRequiredService<IGrainFactory>(), sp.GetRequiredService<OperationsListener>(), process, interval, time, sp.GetRequiredService<ILogger<OperationsReporter>>());
        });
        return builder;
    }
}
