using Npgsql;

namespace Orleans.Poker.Migrations.Tests;

public sealed class MigrationRunnerTests
{
    private static readonly string[] ExpectedScripts =
    [
        "0001_orleans_persistence.sql",
        "0002_orleans_reminders.sql",
        "0003_app_schema_v1.sql",
        "0004_ledger_prize_kind.sql",
        "0005_audit_log_by_action.sql",
        "0006_insights_delivery.sql",
        "0007_hand_players.sql",
        "0008_seat_history_reasons.sql",
        "0009_seat_history_sat_out.sql",
        "0010_snapshot_timeouts.sql",
        "0012_ledger_by_time.sql",
        "0013_players_messageable.sql",
        "0014_table_journal.sql",
        "0015_lobby_tables.sql",
    ];

    [Fact]
    public void Embedded_scripts_are_named_by_file_and_ordered()
    {
        var names = MigrationRunner.ScriptNames();

        Assert.Equal(ExpectedScripts, names);
    }

    [Fact]
    public async Task Fresh_database_gets_every_migration_and_the_schema()
    {
        await using var db = await TestDatabase.CreateAsync();

        var applied = await MigrationRunner.ApplyAsync(db.ConnectionString);

        Assert.Equal(ExpectedScripts, applied);
        Assert.Equal(ExpectedScripts, await JournalAsync(db));
        foreach (var table in new[] { "orleansstorage", "orleansreminders", "players", "wallets", "ledger_transactions",
                     "table_templates", "tables", "seat_history", "waitlist_history", "hand_histories",
                     "analytics_snapshots", "table_stats_hourly", "insights", "admin_audit_log", "table_journal", "lobby_tables" })
        {
            Assert.True(await db.ScalarAsync<bool>($"SELECT to_regclass('public.{table}') IS NOT NULL"), table);
        }

        var keys = await db.ScalarAsync<string[]>("SELECT array_agg(querykey ORDER BY querykey) FROM orleansquery");
        Assert.Equal(
            new[]
            {
                "ClearStorageKey", "DeleteReminderRowKey", "DeleteReminderRowsKey", "ReadFromStorageKey",
                "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey", "ReadReminderRowsKey",
                "UpsertReminderRowKey", "WriteToStorageKey",
            },
            keys);
    }

    [Fact]
    public async Task Second_run_applies_nothing()
    {
        await using var db = await TestDatabase.CreateMigratedAsync();

        var applied = await MigrationRunner.ApplyAsync(db.ConnectionString);

        Assert.Empty(applied);
        Assert.Equal(ExpectedScripts, await JournalAsync(db));
    }

    [Fact]
    public async Task Two_runners_started_together_apply_each_script_once()
    {
        await using var db = await TestDatabase.CreateAsync();
        using var start = new ManualResetEventSlim();
        Task<IReadOnlyList<string>> Runner() => Task.Run(() =>
        {
            start.Wait();
            return MigrationRunner.ApplyAsync(db.ConnectionString);
        });
        var first = Runner();
        var second = Runner();

        start.Set();
        var results = await Task.WhenAll(first, second);

        Assert.Equal(ExpectedScripts, results.SelectMany(r => r).Order(StringComparer.Ordinal));
        Assert.Contains(results, r => r.Count == 0);
        Assert.Equal(ExpectedScripts, await JournalAsync(db));
    }

    [Fact]
    public async Task Broken_script_is_rolled_back_and_named_while_earlier_scripts_stay_applied()
    {
        await using var db = await TestDatabase.CreateAsync();
        using var scripts = new ScriptFolder()
            .With("9000_good.sql", "CREATE TABLE good_change (id int);")
            .With("9001_broken.sql", "CREATE TABLE half_created (id int);\nINSERT INTO no_such_table VALUES (1);");

        var failure = await Assert.ThrowsAsync<MigrationFailedException>(() =>
            MigrationRunner.ApplyAsync(db.ConnectionString, new MigrationOptions { ExtraScriptsDirectory = scripts.Path }));

        Assert.Equal("9001_broken.sql", failure.ScriptName);
        Assert.Contains("no_such_table", failure.Message);
        string[] expectedApplied = [.. ExpectedScripts, "9000_good.sql"];
        Assert.Equal(expectedApplied, failure.AppliedBeforeFailure);
        Assert.False(await db.ScalarAsync<bool>("SELECT to_regclass('public.half_created') IS NOT NULL"));
        Assert.True(await db.ScalarAsync<bool>("SELECT to_regclass('public.good_change') IS NOT NULL"));
        Assert.Equal(expectedApplied, await JournalAsync(db));
    }

    [Fact]
    public async Task Runner_waits_for_the_lock_held_by_another_runner()
    {
        await using var db = await TestDatabase.CreateAsync();
        await using var holder = await db.OpenAsync();
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationRunner.AdvisoryLockKey})", holder))
        {
            await take.ExecuteNonQueryAsync();
        }

        var log = new LineSignal("waiting for another migration runner");
        var run = MigrationRunner.ApplyAsync(db.ConnectionString, new MigrationOptions { Log = log });
        await log.Seen.WaitAsync(TimeSpan.FromSeconds(30));
        var journalWhileHeld = await db.ScalarAsync<bool>("SELECT to_regclass('public.schemaversions') IS NOT NULL");
        await using (var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationRunner.AdvisoryLockKey})", holder))
        {
            await release.ExecuteNonQueryAsync();
        }

        var applied = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.False(journalWhileHeld);
        Assert.Equal(ExpectedScripts, applied);
    }

    [Fact]
    public async Task Status_changes_nothing()
    {
        await using var db = await TestDatabase.CreateAsync();

        var status = await MigrationRunner.GetStatusAsync(db.ConnectionString);

        Assert.Empty(status.Applied);
        Assert.Equal(ExpectedScripts, status.Pending);
        Assert.False(await db.ScalarAsync<bool>("SELECT to_regclass('public.schemaversions') IS NOT NULL"));
    }

    [Fact]
    public async Task Lock_is_released_after_a_run()
    {
        await using var db = await TestDatabase.CreateMigratedAsync();

        var free = await db.ScalarAsync<bool>(
            $"SELECT pg_try_advisory_lock({MigrationRunner.AdvisoryLockKey}) AND pg_advisory_unlock({MigrationRunner.AdvisoryLockKey})");

        Assert.True(free);
    }

    private static async Task<string[]> JournalAsync(TestDatabase db)
    {
        await using var connection = await db.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT scriptname FROM {MigrationRunner.JournalSchema}.{MigrationRunner.JournalTable} ORDER BY schemaversionsid",
            connection);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return [.. names];
    }
}
