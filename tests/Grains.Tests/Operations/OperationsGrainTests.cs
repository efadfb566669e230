using Orleans.Poker.Grains.Interfaces.Operations;
using Orleans.Poker.Grains.Operations;

namespace Orleans.Poker.Grains.Tests.Operations;

[Collection(ClusterCollection.Name)]
public sealed class OperationsGrainTests(ClusterFixture fixture)
{
    private static OperationsProcess Process(string kind, string id, DateTimeOffset startedAt) =>
        new() { Kind = kind, Id = id, Version = "0.4.0", StartedAt = startedAt, Roles = [kind] };

    private OperationsSample Sample(double actions, DateTimeOffset? at = null) =>
        new() { At = at ?? fixture.Time.GetUtcNow(), IntervalSeconds = 10, ActionsPerSecond = actions, Connections = 3, ActionP50 = 0.002, ActionP99 = 0.02 };

    [Fact]
    public async Task Samples_are_kept_per_process_in_order_silos_before_gateways_before_bots()
    {
        var grain = fixture.Grains.GetGrain<IOperationsGrain>(ClusterFixture.NewKey("ops"));
        var started = fixture.Time.GetUtcNow();

        await grain.Record(Process("bot", "host-a:8081", started), Sample(0));
        await grain.Record(Process("gateway", "host-b:8090", started), Sample(0));
        await grain.Record(Process("silo", "host-c:8080", started), Sample(12.5));
        await grain.Record(Process("silo", "host-c:8080", started), Sample(20));

        var report = await grain.Report();

        Assert.Equal(["silo", "gateway", "bot"], report.Processes.Select(p => p.Process.Kind));
        var silo = report.Processes[0];
        Assert.Equal("host-c:8080", silo.Process.Id);
        Assert.Equal([12.5, 20], silo.Samples.Select(s => s.ActionsPerSecond));
        Assert.Equal(fixture.Time.GetUtcNow(), silo.LastSeen);
        Assert.Equal(OperationsGrain.Window, report.Window);
    }

    [Fact]
    public async Task Samples_older_than_the_window_are_dropped_and_a_silent_process_is_forgotten()
    {
        var grain = fixture.Grains.GetGrain<IOperationsGrain>(ClusterFixture.NewKey("ops"));
        var started = fixture.Time.GetUtcNow();
        await grain.Record(Process("silo", "old:1", started), Sample(1));
        await grain.Record(Process("gateway", "live:2", started), Sample(1));

        fixture.Time.Advance(TimeSpan.FromMinutes(40));
        await grain.Record(Process("gateway", "live:2", started), Sample(2));
        fixture.Time.Advance(TimeSpan.FromMinutes(21));

        var report = await grain.Report();

        var only = Assert.Single(report.Processes);
        Assert.Equal("live:2", only.Process.Id);
        Assert.Equal([2.0], only.Samples.Select(s => s.ActionsPerSecond));
    }

    [Fact]
    public async Task A_restarted_process_keeps_its_series_and_shows_its_new_start()
    {
        var grain = fixture.Grains.GetGrain<IOperationsGrain>(ClusterFixture.NewKey("ops"));
        var first = fixture.Time.GetUtcNow();
        await grain.Record(Process("silo", "s:1", first), Sample(5));
        fixture.Time.Advance(TimeSpan.FromSeconds(10));
        var second = fixture.Time.GetUtcNow();

        await grain.Record(Process("silo", "s:1", second), Sample(6));

        var series = Assert.Single((await grain.Report()).Processes);
        Assert.Equal(second, series.Process.StartedAt);
        Assert.Equal(2, series.Samples.Count);
    }

    [Fact]
    public async Task A_process_never_keeps_more_than_its_cap_of_samples()
    {
        var grain = fixture.Grains.GetGrain<IOperationsGrain>(ClusterFixture.NewKey("ops"));
        var process = Process("silo", "busy:1", fixture.Time.GetUtcNow());
        var now = fixture.Time.GetUtcNow();

        for (var i = 0; i < OperationsGrain.MaxSamplesPerProcess + 5; i++)
        {
            await grain.Record(process, Sample(i, now));
        }

        var series = Assert.Single((await grain.Report()).Processes);
        Assert.Equal(OperationsGrain.MaxSamplesPerProcess, series.Samples.Count);
        Assert.Equal(5, series.Samples[0].ActionsPerSecond);
    }

    [Fact]
    public async Task A_sample_without_a_process_id_is_refused_and_changes_nothing()
    {
        var grain = fixture.Grains.GetGrain<IOperationsGrain>(ClusterFixture.NewKey("ops"));

        await Assert.ThrowsAsync<ArgumentException>(() => grain.Record(Process("silo", " ", fixture.Time.GetUtcNow()), Sample(1)));

        Assert.Empty((await grain.Report()).Processes);
    }
}
