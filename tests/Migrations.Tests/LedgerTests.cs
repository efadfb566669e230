using Npgsql;

namespace Orleans.Poker.Migrations.Tests;

public sealed class LedgerTests
{
    private const string Seed = """
        INSERT INTO players (player_id, telegram_user_id, display_name) VALUES ('p1', 1001, 'Ann');
        INSERT INTO wallets (player_id, balance) VALUES ('p1', 500);
        INSERT INTO ledger_transactions (transfer_id, player_id, kind, amount, balance_after)
        VALUES ('grant-1', 'p1', 'grant', 500, 500);
        """;

    [Fact]
    public async Task Ledger_rejects_an_update()
    {
        await using var db = await TestDatabase.CreateMigratedAsync();
        await ExecuteAsync(db, Seed);

        var error = await Assert.ThrowsAsync<PostgresException>(() =>
            ExecuteAsync(db, "UPDATE ledger_transactions SET amount = 5000 WHERE transfer_id = 'grant-1'"));

        Assert.Equal(PostgresErrorCodes.RestrictViolation, error.SqlState);
        Assert.Equal(500L, await db.ScalarAsync<long>("SELECT amount FROM ledger_transactions WHERE transfer_id = 'grant-1'"));
    }

    [Fact]
    public async Task Ledger_rejects_a_delete()
    {
        await using var db = await TestDatabase.CreateMigratedAsync();
        await ExecuteAsync(db, Seed);

        var error = await Assert.ThrowsAsync<PostgresException>(() =>
            ExecuteAsync(db, "DELETE FROM ledger_transactions"));

        Assert.Equal(PostgresErrorCodes.RestrictViolation, error.SqlState);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM ledger_transactions"));
    }

    [Fact]
    public async Task Transfer_ids_are_unique()
    {
        await using var db = await TestDatabase.CreateMigratedAsync();
        await ExecuteAsync(db, Seed);

        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(db, """
            INSERT INTO ledger_transactions (transfer_id, player_id, kind, amount, balance_after)
            VALUES ('grant-1', 'p1', 'grant', 500, 1000)
            """));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, error.SqlState);
    }

    [Fact]
    public async Task Hand_numbers_are_unique_per_table_and_tables_need_a_template_version()
    {
        await using var db = await TestDatabase.CreateMigratedAsync();
        await ExecuteAsync(db, """
            INSERT INTO table_templates (template_id, version, name, variant, config) VALUES ('nlhe', 1, 'NLHE', 'NT', '{}');
            INSERT INTO tables (table_id, template_id, template_version, table_type) VALUES ('t1', 'nlhe', 1, 'persistent');
            INSERT INTO hand_histories (table_id, hand_number, variant, started_at, ended_at, players, pot, phh)
            VALUES ('t1', 1, 'NT', now(), now(), '{p1,p2}', 30, 'variant = "NT"');
            """);

        var duplicateHand = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(db, """
            INSERT INTO hand_histories (table_id, hand_number, variant, started_at, ended_at, players, pot, phh)
            VALUES ('t1', 1, 'NT', now(), now(), '{p1,p2}', 30, 'variant = "NT"')
            """));
        var unknownVersion = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(db,
            "INSERT INTO tables (table_id, template_id, template_version, table_type) VALUES ('t2', 'nlhe', 2, 'persistent')"));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, duplicateHand.SqlState);
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, unknownVersion.SqlState);
    }

    private static async Task ExecuteAsync(TestDatabase db, string sql)
    {
        await using var connection = await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
