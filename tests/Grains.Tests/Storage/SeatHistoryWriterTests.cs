using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Orleans.Poker.Grains.Analytics;
using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Storage;
using Orleans.Poker.Grains.Telemetry;

namespace Orleans.Poker.Grains.Tests.Storage;

/// <summary>The silo's history writer against a real PostgreSQL, failed on purpose through a <see cref="LoopbackProxy"/>.</summary>
public sealed class SeatHistoryWriterTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>, IDisposable
{
    private static readonly DateTimeOffset T0 = new(2031, 6, 1, 10, 0, 0, TimeSpan.Zero);
    private static long _nextPlayer = 6_000_000;

    private readonly ServiceProvider services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly WatchedClock clock = new(new FakeTimeProvider(T0));

    [Fact]
    public async Task A_batch_the_database_fails_is_kept_and_retried_after_a_pause_until_it_is_stored()
    {
        var (table, player) = await Rows();
        var port = new NpgsqlConnectionStringBuilder(database.ConnectionString).Port;
        await using var proxy = new LoopbackProxy(new IPEndPoint(IPAddress.Loopback, port));
        await using var throughProxy = NpgsqlDataSource.Create(proxy.Through(database.ConnectionString));
        var store = new NpgsqlSeatHistoryStore(throughProxy);
        var writes = new AwaitedStore(store);
        using var writer = Writer(writes);
        proxy.Arm(new StatementFault(FaultKind.Cut, ["INSERT INTO seat_history"]));
        writer.Add(SeatHistoryEvent.SeatTaken(table, player, 3, 100, T0));

        // Each advance waits until the writer waits on the clock: its flush timer, then the pause after the failure.
        await writer.StartAsync(CancellationToken.None);
        var timers = await clock.TimerCreated(0);
        clock.Fake.Advance(TimeSpan.FromSeconds(1));
        await clock.TimerCreated(timers);
        var failed = proxy.Applied == 1;                                                      // the first write was cut
        clock.Fake.Advance(TimeSpan.FromSeconds(1));
        await writes.Stored.WaitAsync(TimeSpan.FromSeconds(10));                              // the clock runs: it is retried
        var stored = (await store.GetTableHistoryAsync(table)).Seats.Count == 1;
        await writer.StopAsync(CancellationToken.None);

        Assert.True(failed && stored);
        Assert.Equal(new SeatHistoryRow(table, 3, player, 100, T0, null, null, null), Assert.Single((await store.GetTableHistoryAsync(table)).Seats));
        Assert.Equal(0, writer.Queued);
    }

    [Fact]
    public async Task Events_beyond_the_buffer_limit_are_dropped_and_counted_and_the_rest_are_written_in_order()
    {
        var (table, player) = await Rows();
        using var meter = new MeterCapture(services.GetRequiredService<IMeterFactory>().Create(StorageMetrics.MeterName));
        var store = new NpgsqlSeatHistoryStore(database.DataSource);
        using var writer = Writer(store, batchSize: 1, bufferLimit: 2);

        writer.Add(SeatHistoryEvent.SeatTaken(table, player, 0, 100, T0));
        writer.Add(SeatHistoryEvent.SeatLeft(table, player, 90, SeatLeftReason.Left, T0.AddMinutes(1)));
        writer.Add(SeatHistoryEvent.SeatTaken(table, player, 1, 100, T0.AddMinutes(2)));  // the queue is full
        await writer.FlushAsync();

        Assert.Equal(1, meter.Sum("poker.history.events.dropped"));
        Assert.Equal(2, meter.Sum("poker.history.events.written"));
        Assert.Equal(new SeatHistoryRow(table, 0, player, 100, T0, T0.AddMinutes(1), 90, SeatLeftReason.Left), Assert.Single((await store.GetTableHistoryAsync(table)).Seats));
    }

    [Fact]
    public async Task A_batch_the_database_refuses_as_invalid_is_dropped_and_the_next_one_is_written()
    {
        var (table, player) = await Rows();
        using var meter = new MeterCapture(services.GetRequiredService<IMeterFactory>().Create(StorageMetrics.MeterName));
        var store = new NpgsqlSeatHistoryStore(database.DataSource);
        using var writer = Writer(store, batchSize: 1);

        writer.Add(SeatHistoryEvent.WaitlistJoined(table, 999_999_999, T0));  // no such player: a foreign key violation
        writer.Add(SeatHistoryEvent.WaitlistJoined(table, player, T0));
        await writer.FlushAsync();

        Assert.Equal(1, meter.Sum("poker.history.events.dropped"));
        Assert.Equal(player, Assert.Single((await store.GetTableHistoryAsync(table)).Waits).PlayerId);
    }

    public void Dispose() => services.Dispose();

    private SeatHistoryWriter Writer(ISeatHistoryStore store, int batchSize = 500, int bufferLimit = 100_000) => new(
        store,
        Options.Create(new AnalyticsOptions { HistoryBatchSize = batchSize, HistoryBufferLimit = bufferLimit }),
        clock,
        services.GetRequiredService<IMeterFactory>(),
        NullLogger<SeatHistoryWriter>.Instance);

    /// <summary>A store that completes <see cref="Stored"/> when a batch was stored.</summary>
    private sealed class AwaitedStore(ISeatHistoryStore inner) : ISeatHistoryStore
    {
        private readonly TaskCompletionSource stored = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Stored => stored.Task;

        public async Task ApplyAsync(IReadOnlyList<SeatHistoryEvent> events, CancellationToken cancellationToken = default)
        {
            await inner.ApplyAsync(events, cancellationToken);
            stored.TrySetResult();
        }

        public Task<TableHistory> GetTableHistoryAsync(string tableId, CancellationToken cancellationToken = default) =>
            inner.GetTableHistoryAsync(tableId, cancellationToken);

        public Task<WaitReport> GetWaitsAsync(DateTimeOffset from, DateTimeOffset to, string? tableId, CancellationToken cancellationToken = default) =>
            inner.GetWaitsAsync(from, to, tableId, cancellationToken);
    }

    /// <summary>A table row and a player row: the history references both.</summary>
    private async Task<(string Table, long Player)> Rows()
    {
        var player = Interlocked.Increment(ref _nextPlayer);
        await new NpgsqlPlayerStore(database.DataSource).UpsertAsync(new PlayerProfile { PlayerId = player, DisplayName = $"P{player}", CreatedAt = T0 }, T0);
        var tables = new NpgsqlTableRecordStore(database.DataSource);
        var template = $"tpl-{Guid.NewGuid():N}";
        await tables.SaveTemplateVersionAsync(template, 1, new TemplateConfig { Name = "History", Variant = "NT", SmallBlind = 1, BigBlind = 2, MinBuyIn = 40, MaxBuyIn = 200 }, active: true, T0);
        var table = $"t-{Guid.NewGuid():N}";
        await tables.UpsertTableAsync(new TableRecord(table, template, 1, null, TableType.Persistent, TableStatus.Active, null, T0, null, null));
        return (table, player);
    }
}
