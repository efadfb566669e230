using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Tests.Storage;

/// <summary>The stores on a real, freshly migrated PostgreSQL database.</summary>
public sealed class NpgsqlStoreTests(MigratedDatabase database) : StoreContractTests, IClassFixture<MigratedDatabase>
{
    protected override StoreSet Stores { get; } = new(
        new NpgsqlLedgerStore(database.DataSource),
        new NpgsqlHandHistoryStore(database.DataSource),
        new NpgsqlPlayerStore(database.DataSource),
        new NpgsqlTableRecordStore(database.DataSource),
        new NpgsqlAuditStore(database.DataSource),
        new NpgsqlAnalyticsStore(database.DataSource),
        new NpgsqlInsightStore(database.DataSource),
        new NpgsqlSeatHistoryStore(database.DataSource));

    [Fact]
    public async Task Wallet_balance_follows_the_ledger()
    {
        var player = await NewPlayer();
        await Stores.Ledger.AppendAsync(new LedgerEntry($"g-{Guid.NewGuid():N}", player, LedgerKind.Grant, 10_000, 10_000, null, null, T0));
        await Stores.Ledger.AppendAsync(new LedgerEntry($"a-{Guid.NewGuid():N}", player, LedgerKind.AdminAdjustment, -250, 9_750, null, "fix", T0.AddMinutes(1)), adminId: 77);

        var balance = await database.ScalarAsync<long>("SELECT balance FROM wallets WHERE player_id = @p", ("p", player.ToString()));
        var admin = await database.ScalarAsync<string>("SELECT admin_id FROM ledger_transactions WHERE player_id = @p AND kind = 'admin_adjustment'", ("p", player.ToString()));

        Assert.Equal(9_750, balance);
        Assert.Equal("77", admin);
    }

    [Fact]
    public async Task A_long_name_cut_before_an_emoji_is_stored_and_read_back()
    {
        // 63 letters, then an emoji (two UTF-16 characters) across the 64-character limit: a cut at 64 would keep half
        // of it, which the driver refuses to write.
        var telegram = new string('a', 63) + "\U0001F0CF" + " Joker";
        var id = Random.Shared.NextInt64(1_000_000_000, 2_000_000_000);
        var profile = new PlayerProfile { PlayerId = id, TelegramId = id, DisplayName = PlayerProfile.CleanName(telegram) };

        await Stores.Players.UpsertAsync(profile, T0);

        Assert.Equal(new string('a', 63), (await Stores.Players.FindAsync(id))!.DisplayName);
    }

    [Fact]
    public async Task Prize_is_stored_with_its_own_kind_and_read_back()
    {
        var player = await NewPlayer();
        var table = await NewTable();
        var prize = new LedgerEntry($"p-{Guid.NewGuid():N}", player, LedgerKind.Prize, 3_000, 3_000, table, "1st place", T0);

        await Stores.Ledger.AppendAsync(prize);

        Assert.Equal(prize, await Stores.Ledger.FindAsync(prize.TransferId));
        Assert.Equal("prize", await database.ScalarAsync<string>("SELECT kind FROM ledger_transactions WHERE transfer_id = @t", ("t", prize.TransferId)));
    }

    [Fact]
    public async Task Template_versions_are_stored_once_follow_activation_and_take_a_retried_versions_configuration()
    {
        var template = $"tpl-{Guid.NewGuid():N}";
        await Stores.Tables.SaveTemplateVersionAsync(template, 1, Config, active: true, T0);
        await Stores.Tables.SaveTemplateVersionAsync(template, 2, Config with { BigBlind = 4 }, active: true, T0);
        await Stores.Tables.SaveTemplateVersionAsync(template, 2, Config with { BigBlind = 4 }, active: false, T0);
        // Version 1 again with another configuration: its grain failed to keep the first (a state write failed), so
        // no table uses it and the row takes the configuration the version has now.
        await Stores.Tables.SaveTemplateVersionAsync(template, 1, Config with { Name = "Second try" }, active: false, T0);

        var rows = await database.ScalarAsync<long>("SELECT count(*) FROM table_templates WHERE template_id = @t", ("t", template));
        var active = await database.ScalarAsync<long>("SELECT count(*) FROM table_templates WHERE template_id = @t AND is_active", ("t", template));
        var bigBlind = await database.ScalarAsync<long>("SELECT (config->>'bigBlind')::bigint FROM table_templates WHERE template_id = @t AND version = 2", ("t", template));

        var firstName = await database.ScalarAsync<string>("SELECT name FROM table_templates WHERE template_id = @t AND version = 1", ("t", template));

        Assert.Equal((2, 0, 4), (rows, active, bigBlind));
        Assert.Equal("Second try", firstName);
    }

    [Fact]
    public async Task Audit_rows_are_append_only()
    {
        var admin = Interlocked.Increment(ref _nextAdmin);
        await Stores.Audit.AppendAsync(new Interfaces.Admin.AuditEntry(T0, admin, "table.close", "t1", "idle"));

        var update = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => database.ScalarAsync<int>("UPDATE admin_audit_log SET action = 'x' WHERE admin_id = @a RETURNING 1", ("a", admin.ToString())));
        var delete = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => database.ScalarAsync<int>("DELETE FROM admin_audit_log WHERE admin_id = @a RETURNING 1", ("a", admin.ToString())));

        Assert.Equal("23001", update.SqlState);
        Assert.Equal("23001", delete.SqlState);
        Assert.Equal("idle", Assert.Single(await Stores.Audit.SearchAsync(new(AdminId: admin))).Details);
    }

    [Fact]
    public async Task The_migrations_backfill_gives_hands_stored_before_it_the_rows_the_store_writes()
    {
        var (a, b) = (await NewPlayer(), await NewPlayer());
        var table = await NewTable();
        var stored = Hand(table, 1, [a, b], T0) with { Phh = Phh([200, 200], [185, 210]) };
        var unreadable = Hand(table, 2, [b, a], T0.AddMinutes(1));
        foreach (var hand in new[] { stored, unreadable })
        {
            // As a version before 0007 stored them: the hand row alone.
            await database.ScalarAsync<int>(
                """
                INSERT INTO hand_histories (table_id, hand_number, variant, started_at, ended_at, players, pot, rake, phh)
                VALUES (@t, @n, 'NT', @s, @e, @p, @pot, @rake, @phh) RETURNING 1
                """,
                ("t", hand.TableId), ("n", hand.HandNumber), ("s", hand.StartedAt), ("e", hand.EndedAt),
                ("p", hand.PlayerIds.Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray()),
                ("pot", hand.Pot), ("rake", hand.Rake), ("phh", hand.Phh));
        }

        var script = await File.ReadAllTextAsync(Path.Combine(SiloProcess.RepoRoot(), "Migrations", "Scripts", "0007_hand_players.sql"));
        var backfill = script[script.IndexOf("INSERT INTO hand_players", StringComparison.Ordinal)..];
        await using (var command = database.DataSource.CreateCommand(backfill))
        {
            await command.ExecuteNonQueryAsync();
        }

        Assert.Equal(HandPlayerResult.Of(stored, sitAndGo: false).Concat(HandPlayerResult.Of(unreadable, sitAndGo: false)).Where(r => r.PlayerId == a), await Stores.Hands.GetPlayerResultsAsync(a));
        Assert.Equal([-15L, 0L], (await Stores.Hands.GetPlayerResultsAsync(a)).Select(r => r.Net));
    }

    private static long _nextAdmin = 7_000_000;
}
