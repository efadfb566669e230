using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Poker.ServiceDefaults;
using Orleans.Poker.ServiceDefaults.Configuration;

namespace Orleans.Poker.Silo.Tests;

/// <summary>The rolling log file of <c>POKER__Logging__File</c>, and the trace ids every log line carries in both formats.</summary>
public sealed class LogFileTests : IDisposable
{
    private readonly ActivitySource source = new("Orleans.Poker.Tests.Logging." + Guid.NewGuid().ToString("N"));
    private readonly string folder = Path.Combine(Path.GetTempPath(), "poker-logs-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData("json", "\"@tr\":\"{0}\",\"@sp\":\"{1}\"")]
    [InlineData("text", "(trace {0} span {1})")]
    public async Task An_event_logged_inside_a_trace_reaches_the_log_file_with_its_trace_and_span_ids(string format, string expected)
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = candidate => candidate == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        var options = new PokerOptions { Logging = new LogSettings { Format = format, File = Path.Combine(folder, "test-.log"), RetainedFiles = 2 } };
        var builder = Host.CreateApplicationBuilder();
        builder.AddPokerLogging(options);
        string traceId, spanId;
        using (var host = builder.Build())
        {
            var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Orleans.Poker.Tests");
            using (var activity = source.StartActivity("test"))
            {
                Assert.NotNull(activity);
                traceId = activity.TraceId.ToHexString();
                spanId = activity.SpanId.ToHexString();
                logger.LogInformation("Table {TableId} hand {HandNo} ended", "t-1", 7);
            }

            await host.StopAsync();
        }

        // Disposing the host flushes the file.
        var file = Assert.Single(Directory.GetFiles(folder, "test-*.log"));
        var line = Assert.Single(File.ReadAllLines(file), l => l.Contains("t-1", StringComparison.Ordinal));
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, traceId, spanId), line, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        source.Dispose();
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
