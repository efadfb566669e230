using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Orleans.Poker.ServiceDefaults.Configuration;

namespace Orleans.Poker.ServiceDefaults.Telemetry;

/// <summary>
/// One OpenTelemetry setup for every process (silo, gateway, bot): metrics from the runtime, ASP.NET Core, Npgsql's
/// pools, Orleans and the room's own meters, served as Prometheus text on <c>/metrics</c> (see
/// <see cref="UsePokerMetrics"/> for who may read it) and exported over OTLP when <c>POKER__Telemetry__OtlpEndpoint</c>
/// is set; with OTLP also traces (ASP.NET Core requests, SignalR hub methods, Orleans grain calls, Npgsql commands and
/// the room's spans).
/// </summary>
public static class TelemetrySetup
{
    /// <summary>Registers metrics (and, with OTLP, traces) unless <c>POKER__Telemetry__Enabled</c> is false.</summary>
    public static IHostApplicationBuilder AddPokerTelemetry(this IHostApplicationBuilder builder, PokerOptions options)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var telemetry = options.Telemetry;
        if (!telemetry.Enabled)
        {
            return builder;
        }

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName, serviceInstanceId: $"{Environment.MachineName}:{options.Http.Port}"))
            .WithMetrics(metrics =>
            {
                metrics.AddPokerMeters().AddAspNetCoreInstrumentation().AddPrometheusExporter(prometheus =>
                {
                    // Every scrape collects afresh (the default caches answers for 300 ms).
                    prometheus.ScrapeResponseCacheDurationMilliseconds = 0;
                });
                if (OtlpEndpoint(telemetry) is { } endpoint)
                {
                    metrics.AddOtlpExporter(otlp => ConfigureOtlp(otlp, endpoint, telemetry, "v1/metrics"));
                }
            });

        if (TracingEnabled(options))
        {
            otel.WithTracing(tracing => tracing
                .SetSampler(new ParentBasedSampler(new TraceIdRatioBasedSampler(Math.Clamp(telemetry.TraceSampleRatio, 0, 1))))
                .AddSource(PokerTelemetry.ActivitySourceName, PokerTelemetry.OrleansActivitySources, PokerTelemetry.SignalRActivitySource)
                .AddAspNetCoreInstrumentation(aspnet => aspnet.Filter = context =>
                    !context.Request.Path.StartsWithSegments(PokerTelemetry.MetricsPath, StringComparison.Ordinal)
                    && !context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
                .AddNpgsql()
                .AddOtlpExporter(otlp => ConfigureOtlp(otlp, OtlpEndpoint(telemetry)!, telemetry, "v1/traces")));
        }

        return builder;
    }

    /// <summary>
    /// The meters of every process: .NET runtime, Npgsql (connection pools, commands), Orleans and the room's own
    /// (<c>Orleans.Poker.*</c>). The grains benchmark uses it too, to measure the cost of listening to them.
    /// </summary>
    public static MeterProviderBuilder AddPokerMeters(this MeterProviderBuilder metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return metrics
            .AddRuntimeInstrumentation()
            .AddNpgsqlInstrumentation()
            .AddMeter(PokerTelemetry.OrleansMeter)
            .AddMeter(PokerTelemetry.MeterPrefix + "*");
    }

    /// <summary>Traces are recorded only when they can go somewhere: telemetry on and an OTLP endpoint set.</summary>
    public static bool TracingEnabled(PokerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Telemetry.Enabled && OtlpEndpoint(options.Telemetry) is not null;
    }

    /// <summary>
    /// The process's HTTP listeners: the public one (<c>POKER__Http__Host</c>, <paramref name="publicPort"/>) and, when
    /// telemetry is on, the management port (see <see cref="TelemetrySettings.MetricsPort"/>;
    /// <paramref name="defaultMetricsPort"/> in production).
    /// </summary>
    public static WebApplicationBuilder UsePokerUrls(this WebApplicationBuilder builder, PokerOptions options, int publicPort, int defaultMetricsPort)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(options);
        var management = ManagementPort(options, defaultMetricsPort);
        builder.Services.Configure<MetricsAccessOptions>(access => access.ManagementPort = management);
        var urls = new List<string> { $"http://{options.Http.Host}:{publicPort}" };
        if (management > 0)
        {
            urls.Add($"http://{options.Telemetry.MetricsHost ?? options.Http.Host}:{management}");
        }

        builder.WebHost.UseUrls([.. urls]);
        return builder;
    }

    /// <summary>The management port in force: the setting, else the default in production and none on the embedded default.</summary>
    public static int ManagementPort(PokerOptions options, int defaultMetricsPort)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Telemetry.Enabled)
        {
            return 0;
        }

        return Math.Max(0, options.Telemetry.MetricsPort ?? (options.IsProduction ? defaultMetricsPort : 0));
    }

    /// <summary>
    /// Serves <c>/metrics</c> (Prometheus text) before any other middleware: anonymously on the management port, and on
    /// the public port only to a signed-in admin (403 for other signed-in users, 404 for anonymous requests). The
    /// management port serves nothing but <c>/metrics</c> and <c>/health/*</c>. Call it first after <c>Build()</c>.
    /// </summary>
    public static WebApplication UsePokerMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(MetricsGuard.ManagementPortOnly);
        if (app.Services.GetService<MeterProvider>() is null)
        {
            // Telemetry is off: nothing is served, on any port.
            app.Use((context, next) =>
            {
                if (!IsMetrics(context))
                {
                    return next(context);
                }

                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            });
            return app;
        }

        app.UseOpenTelemetryPrometheusScrapingEndpoint(
            meterProvider: null,
            predicate: IsMetrics,
            path: null,
            configureBranchedPipeline: branch => branch.Use(MetricsGuard.Invoke),
            optionsName: null);
        return app;
    }

    private static bool IsMetrics(HttpContext context) => context.Request.Path.Equals(PokerTelemetry.MetricsPath, StringComparison.Ordinal);

    private static Uri? OtlpEndpoint(TelemetrySettings telemetry) =>
        Uri.TryCreate(telemetry.OtlpEndpoint, UriKind.Absolute, out var endpoint) ? endpoint : null;

    private static void ConfigureOtlp(OtlpExporterOptions otlp, Uri endpoint, TelemetrySettings telemetry, string signalPath)
    {
        var http = telemetry.OtlpProtocol.StartsWith("http", StringComparison.OrdinalIgnoreCase);
        otlp.Protocol = http ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
        // gRPC takes the collector's address; http/protobuf each signal's own path (given, or the standard one added).
        otlp.Endpoint = http && endpoint.AbsolutePath == "/" ? new Uri(endpoint, signalPath) : endpoint;
    }
}
