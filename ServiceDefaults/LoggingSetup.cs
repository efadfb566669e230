using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Poker.ServiceDefaults.Configuration;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Orleans.Poker.ServiceDefaults;

/// <summary>
/// One Serilog setup for every service: compact JSON in production, readable text otherwise. Sinks, enrichers and
/// filters registered as services (<c>ILogEventSink</c>, ...) receive the same events, after the same level rules.
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

    private static LoggerConfiguration WriteToConsole(LoggerConfiguration logger, bool json) => json
        ? logger.WriteTo.Console(new RenderedCompactJsonFormatter())
        : logger.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
}
