using System.Diagnostics.Metrics;
using System.Globalization;
using Npgsql;

namespace Orleans.Poker.Silo.Hosting;

/// <summary>
/// The database schema this silo found on start (meter <see cref="MeterName"/>): reads the migrations tool's journal
/// (<c>public.schemaversions</c>) once and exposes the version (the number of the last applied script, e.g. 4 for
/// <c>0004_ledger_prize_kind.sql</c>), the count of applied scripts and when the last one was applied. The tool itself
/// is a one-shot process: it prints the version and how long the migration took.
/// </summary>
public sealed partial class SchemaMetrics(string postgres, IMeterFactory meters, ILogger<SchemaMetrics> logger) : IHostedService, IDisposable
{
    public const string MeterName = "Orleans.Poker.Silo";

    private readonly Meter meter = meters.Create(MeterName);
    private Schema? found;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            await using var connection = new NpgsqlConnection(postgres);
            await connection.OpenAsync(timeout.Token);
            await using var command = new NpgsqlCommand(
                "SELECT scriptname, applied, (SELECT count(*) FROM public.schemaversions) FROM public.schemaversions ORDER BY schemaversionsid DESC LIMIT 1",
                connection);
            await using var reader = await command.ExecuteReaderAsync(timeout.Token);
            if (await reader.ReadAsync(timeout.Token))
            {
                var applied = reader.GetDateTime(1);
                found = new Schema(VersionOf(reader.GetString(0)), reader.GetInt64(2), new DateTimeOffset(DateTime.SpecifyKind(applied, DateTimeKind.Utc)).ToUnixTimeSeconds());
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or InvalidOperationException)
        {
            LogUnreadable(logger, ex);
        }

        meter.CreateObservableGauge("poker.schema.version", () => Observe(s => s.Version), "{version}", "Number of the last migration script applied to the database (read at silo start)");
        meter.CreateObservableGauge("poker.schema.scripts", () => Observe(s => s.Scripts), "{script}", "Migration scripts applied to the database (read at silo start)");
        meter.CreateObservableGauge("poker.schema.last_applied", () => Observe(s => s.LastAppliedUnixSeconds), "s", "When the last migration script was applied, Unix time (read at silo start)");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose() => meter.Dispose();

    /// <summary>The leading number of a script's file name (<c>...Scripts.0004_x.sql</c> or <c>0004_x.sql</c> give 4); 0 if none.</summary>
    public static long VersionOf(string scriptName)
    {
        ArgumentNullException.ThrowIfNull(scriptName);
        var name = scriptName.EndsWith(".sql", StringComparison.OrdinalIgnoreCase) ? scriptName[..^4] : scriptName;
        name = name[(name.LastIndexOf('.') + 1)..];
        var digits = new string(name.TakeWhile(char.IsAsciiDigit).ToArray());
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : 0;
    }

    private IEnumerable<Measurement<long>> Observe(Func<Schema, long> figure) =>
        found is { } schema ? [new Measurement<long>(figure(schema))] : [];

    [LoggerMessage(Level = LogLevel.Warning, Message = "The schema version could not be read from public.schemaversions")]
    private static partial void LogUnreadable(ILogger logger, Exception exception);

    private sealed record Schema(long Version, long Scripts, long LastAppliedUnixSeconds);
}
