using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Poker.Migrations;
using Orleans.Poker.Silo.Hosting;

namespace Orleans.Poker.Silo.Tests;

public sealed class SchemaMetricsTests
{
    [Fact]
    public async Task The_silo_exposes_the_schema_version_the_migrations_left_in_the_journal()
    {
        await using var db = await TestDatabase.CreateMigratedAsync();
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var schema = new SchemaMetrics(db.ConnectionString, services.GetRequiredService<IMeterFactory>(), NullLogger<SchemaMetrics>.Instance);
        var seen = new Dictionary<string, long>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == SchemaMetrics.MeterName && instrument.Meter.Scope == services.GetRequiredService<IMeterFactory>())
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => seen[instrument.Name] = value);
        listener.Start();

        await schema.StartAsync(CancellationToken.None);
        listener.RecordObservableInstruments();

        var scripts = MigrationRunner.ScriptNames();
        Assert.Equal(SchemaMetrics.VersionOf(scripts[^1]), seen["poker.schema.version"]);
        Assert.True(seen["poker.schema.version"] >= 4);
        Assert.Equal(scripts.Count, seen["poker.schema.scripts"]);
        Assert.InRange(seen["poker.schema.last_applied"], DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.AddMinutes(1).ToUnixTimeSeconds());
    }

    [Theory]
    [InlineData("0004_ledger_prize_kind.sql", 4)]
    [InlineData("Orleans.Poker.Migrations.Scripts.0012_more.sql", 12)]
    [InlineData("no_number.sql", 0)]
    public void The_version_is_the_leading_number_of_the_script_name(string name, long version) =>
        Assert.Equal(version, SchemaMetrics.VersionOf(name));
}
