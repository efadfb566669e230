using Microsoft.Extensions.DependencyInjection;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Storage;
using Orleans.Poker.Grains.Tables.Model;
using Orleans.Poker.Grains.Telemetry;
using Orleans.Serialization;
using Orleans.Storage;

namespace Orleans.Poker.Grains.Tests.Storage;

/// <summary>What both table journals do: a version is claimed once, moves come back in order with what they carried.</summary>
public abstract class TableJournalContractTests
{
    protected static readonly DateTimeOffset T0 = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    protected abstract ITableJournal Journal { get; }

    protected static string NewTableId() => $"tbl-{Guid.NewGuid():N}";

    [Fact]
    public async Task Moves_after_a_version_come_back_in_order_with_what_they_carried()
    {
        var table = NewTableId();
        var act = TableMove.Act(42, new TurnRef(3, 17), new PlayerAction(ActionKind.BetOrRaise, 120), 9, T0);
        await Journal.Append(table, 1, null);
        await Journal.Append(table, 2, act);
        await Journal.Append(table, 3, TableMove.PreSelected(T0.AddSeconds(1)));
        await Journal.Append(table, 4, null);

        var after1 = await Journal.Read(table, 1);
        var after3 = await Journal.Read(table, 3);

        Assert.Equal([2L, 3, 4], after1.Select(e => e.Version));
        Assert.Equal(act, after1[0].Move);
        Assert.Equal(TableMove.PreSelected(T0.AddSeconds(1)), after1[1].Move);
        Assert.Null(after1[2].Move);
        Assert.Equal([4L], after3.Select(e => e.Version));
        Assert.Empty(await Journal.Read(NewTableId(), 0));
    }

    [Fact]
    public async Task A_version_is_claimed_once_and_the_first_claim_stands()
    {
        var table = NewTableId();
        var first = TableMove.Act(1, new TurnRef(1, 2), new PlayerAction(ActionKind.Call), 1, T0);
        await Journal.Append(table, 1, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Journal.Append(table, 1, TableMove.Act(2, new TurnRef(1, 2), new PlayerAction(ActionKind.Fold), 1, T0)));
        await Assert.ThrowsAsync<InconsistentStateException>(() => Journal.Append(table, 1, null));

        Assert.Equal(first, Assert.Single(await Journal.Read(table, 0)).Move);
    }

    [Fact]
    public async Task Claims_of_many_tables_at_once_are_all_stored_and_a_taken_one_fails_alone()
    {
        var tables = Enumerable.Range(0, 40).Select(_ => NewTableId()).ToArray();
        await Journal.Append(tables[7], 3, null);

        var claims = tables.SelectMany(t => Enumerable.Range(1, 5).Select(v => (Table: t, Version: (long)v))).ToArray();
        var results = await Task.WhenAll(claims.Select(async c =>
        {
            try
            {
                await Journal.Append(c.Table, c.Version, TableMove.PreSelected(T0.AddSeconds(c.Version)));
                return true;
            }
            catch (InconsistentStateException)
            {
                return false;
            }
        }));

        Assert.Equal([(tables[7], 3L)], claims.Where((_, i) => !results[i]));
        foreach (var table in tables)
        {
            Assert.Equal([1L, 2, 3, 4, 5], (await Journal.Read(table, 0)).Select(e => e.Version));
        }
    }
}

public sealed class MemoryTableJournalTests : TableJournalContractTests
{
    protected override ITableJournal Journal { get; } = new MemoryTableJournal();

    [Fact]
    public async Task Entries_before_the_previous_whole_state_are_dropped_when_the_next_is_claimed()
    {
        var table = NewTableId();
        await Journal.Append(table, 1, null);
        await Journal.Append(table, 2, TableMove.PreSelected(T0));
        await Journal.Append(table, 3, null);
        await Journal.Append(table, 4, TableMove.PreSelected(T0));
        await Journal.Append(table, 5, null);

        Assert.Equal([3L, 4, 5], (await Journal.Read(table, 0)).Select(e => e.Version));
    }
}

public sealed class NpgsqlTableJournalTests : TableJournalContractTests, IClassFixture<MigratedDatabase>, IAsyncLifetime
{
    private readonly MigratedDatabase database;
    private readonly ServiceProvider services;

    public NpgsqlTableJournalTests(MigratedDatabase database)
    {
        this.database = database;
        services = new ServiceCollection()
            .AddSerializer(serializer => serializer.AddAssembly(typeof(TableMove).Assembly))
            .AddMetrics()
            .AddLogging()
            .AddSingleton<StorageMetrics>()
            .AddSingleton(database.DataSource)
            .AddSingleton<NpgsqlTableJournal>()
            .BuildServiceProvider();
    }

    protected override ITableJournal Journal => services.GetRequiredService<NpgsqlTableJournal>();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await services.DisposeAsync();

    [Fact]
    public async Task A_move_is_a_few_bytes()
    {
        var table = NewTableId();
        await Journal.Append(table, 1, TableMove.Act(1_234_567_890, new TurnRef(12, 345), new PlayerAction(ActionKind.BetOrRaise, 2_500), 77, T0));

        var bytes = await database.ScalarAsync<int>("SELECT octet_length(move) FROM table_journal WHERE table_id = @t", ("t", table));

        Assert.InRange(bytes, 10, 80);
    }

    [Fact]
    public async Task A_claim_whose_insert_hangs_fails_as_storage_trouble_after_the_insert_timeout_and_the_next_one_is_stored()
    {
        var table = NewTableId();

        // Another session holds a lock that every insert waits for.
        await using (var blocker = await database.DataSource.OpenConnectionAsync())
        {
            await using var transaction = await blocker.BeginTransactionAsync();
            await using (var locking = new Npgsql.NpgsqlCommand("LOCK TABLE table_journal IN SHARE MODE", blocker, transaction))
            {
                await locking.ExecuteNonQueryAsync();
            }

            var waited = System.Diagnostics.Stopwatch.StartNew();
            await Assert.ThrowsAsync<Interfaces.Common.StoreUnavailableException>(() => Journal.Append(table, 1, TableMove.PreSelected(T0)));
            Assert.InRange(waited.Elapsed, NpgsqlTableJournal.InsertTimeout - TimeSpan.FromSeconds(1), NpgsqlTableJournal.InsertTimeout + TimeSpan.FromSeconds(10));
            await transaction.RollbackAsync();
        }

        await Journal.Append(table, 1, TableMove.PreSelected(T0));
        Assert.Equal([1L], (await Journal.Read(table, 0)).Select(e => e.Version));
    }

    [Fact]
    public async Task The_silos_sessions_run_without_jit_compilation()
    {
        await using var source = Npgsql.NpgsqlDataSource.Create(PostgresPool.WithDefaults(database.ConnectionString));
        await using var command = source.CreateCommand("SHOW jit");

        Assert.Equal("off", await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task The_sweep_keeps_an_hour_and_everything_from_each_tables_newest_whole_state()
    {
        var (old, recent) = (NewTableId(), NewTableId());
        foreach (var table in new[] { old, recent })
        {
            await Journal.Append(table, 1, null);
            await Journal.Append(table, 2, TableMove.PreSelected(T0));
            await Journal.Append(table, 3, null);
            await Journal.Append(table, 4, TableMove.PreSelected(T0));
        }

        await database.ScalarAsync<int>("WITH u AS (UPDATE table_journal SET at = now() - interval '2 hours' WHERE table_id = @t RETURNING 1) SELECT count(*)::int FROM u", ("t", old));
        await services.GetRequiredService<NpgsqlTableJournal>().SweepAsync(NpgsqlTableJournal.Kept);

        Assert.Equal([3L, 4], (await Journal.Read(old, 0)).Select(e => e.Version));
        Assert.Equal([1L, 2, 3, 4], (await Journal.Read(recent, 0)).Select(e => e.Version));
    }
}
