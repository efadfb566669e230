using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Poker.ServiceDefaults.Configuration;
using Serilog;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Compact;

namespace Orleans.Poker.ServiceDefaults;

/// <summary>
/// One Serilog setup for every service: compact JSON in production, readable text otherwise, both with the trace and
/// span ids of the event's activity (<c>@tr</c>/<c>@sp</c> in JSON); optionally also a rolling file in the same format
/// (<c>POKER__Logging__File</c>, <c>__RetainedFiles</c>). Sinks, enrichers and filters registered as services
/// (<c>ILogEventSink</c>, ...) receive the same events, after the same level rules.
/// </summary>
public static class LoggingSetup
{
    public static IHostApplicationBuilder AddPokerLogging(this IHostApplicationBuilder builder, PokerOptions options)
    {
        var json = options.Logging.Format is { } format
            ? string.Equals(format, "json", StringComparison.OrdinalIgnoreCase)
            : options.IsProduction;
        var level = Enum.TryParse<LogEventLevel>(options.Logging.Level, ignoreCase: true, out var parsed)
            ? parsed
            : LogEventLevel.Information;

        builder.Services.AddSerilog((services, logger) =>
        {
            logger.MinimumLevel.Is(level)
                // Orleans logs every placement attempt under Polly, and both it and ASP.NET are chatty at Information.
                .MinimumLevel.Override("Orleans", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
                .MinimumLevel.Override("Polly", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
                // The most specific override wins: "Orleans" above is meant for Orleans itself, not for this application.
                .MinimumLevel.Override("Orleans.Poker", level)
                // SignalR logs every exception a hub method throws as an error, refusals of bad moves included; the
                // hub filter maps them and logs the real failures itself.
                .MinimumLevel.Override("Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher", LogEventLevel.Fatal)
                .Enrich.FromLogContext()
                .Enrich.WithProperty("Service", builder.Environment.ApplicationName)
                .ReadFrom.Services(services);
            WriteToConsole(logger, json);
            if (!string.IsNullOrWhiteSpace(options.Logging.File))
            {
                // For hosts without a collector: rolled daily and by size, the oldest beyond the retained count deleted.
                logger.WriteTo.File(
                    Formatter(json),
                    options.Logging.File,
                    rollingInterval: RollingInterval.Day,
                    rollOnFileSizeLimit: true,
                    fileSizeLimitBytes: Math.Max(1024 * 1024, options.Logging.FileSizeLimitBytes),
                    retainedFileCountLimit: Math.Max(1, options.Logging.RetainedFiles),
                    shared: false,
                    flushToDiskInterval: TimeSpan.FromSeconds(1));
            }
        });

        WriteBanner(builder.Environment.ApplicationName, json);
        return builder;
    }

    /// <summary>
    /// The first line of every process, "Orleans.Poker {Service} {Version} starting", whatever the level: written
    /// before the host is built, so it comes before anything Orleans or ASP.NET logs.
    /// </summary>
    private static void WriteBanner(string applicationName, bool json)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Information()
            .Enrich.WithProperty("Service", applicationName)
            .Enrich.WithProperty("SourceContext", typeof(LoggingSetup).FullName);
        if (ProductInfo.Commit is { } commit)
        {
            configuration.Enrich.WithProperty("Commit", commit);
        }

        using var banner = WriteToConsole(configuration, json).CreateLogger();
        // :l keeps the values unquoted in the rendered JSON message too.
        banner.Information(ProductInfo.Name + " {ServiceName:l} {Version:l} starting", ProductInfo.ServiceName(applicationName), ProductInfo.Version);
    }

    private static LoggerConfiguration WriteToConsole(LoggerConfiguration logger, bool json) => logger.WriteTo.Console(Formatter(json));

    /// <summary>Compact JSON (with <c>@tr</c>/<c>@sp</c>) in production, readable text (trace ids at the end) otherwise.</summary>
    private static ITextFormatter Formatter(bool json) => json ? new RenderedCompactJsonFormatter() : new TextLogFormatter();
}
