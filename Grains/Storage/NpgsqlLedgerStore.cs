using Npgsql;
using NpgsqlTypes;
using Orleans.Poker.Grains.Interfaces.Admin;
using Orleans.Poker.Grains.Interfaces.Players;

namespace Orleans.Poker.Grains.Storage;

/// <summary>The ledger on PostgreSQL (<c>ledger_transactions</c>, <c>wallets</c>).</summary>
public sealed class NpgsqlLedgerStore(NpgsqlDataSource dataSource) : ILedgerStore
{
    private const string Columns = "transfer_id, player_id, kind, amount, balance_after, table_id, reason, created_at";

    public async Task<LedgerAppendResult> AppendAsync(LedgerEntry entry, long? adminId = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var (kind, reason) = LedgerKindColumn.ToColumns(entry.Kind, entry.Note);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // The unique transfer id makes a retried append a no-op, whatever the grain's state remembers.
        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO ledger_transactions (transfer_id, player_id, kind, amount, balance_after, table_id, admin_id, reason, created_at)
            VALUES (@transfer_id, @player_id, @kind, @amount, @balance_after, @table_id, @admin_id, @reason, @created_at)
            ON CONFLICT (transfer_id) DO NOTHING
            """, connection, transaction))
        {
            insert.With("transfer_id", NpgsqlDbType.Text, entry.TransferId)
                .With("player_id", NpgsqlDbType.Text, SqlParameters.Id(entry.PlayerId))
                .With("kind", NpgsqlDbType.Text, kind)
                .With("amount", NpgsqlDbType.Bigint, entry.Amount)
                .With("balance_after", NpgsqlDbType.Bigint, entry.BalanceAfter)
                .With("table_id", NpgsqlDbType.Text, entry.TableId)
                .With("admin_id", NpgsqlDbType.Text, adminId is { } admin ? SqlParameters.Id(admin) : null)
                .With("reason", NpgsqlDbType.Text, reason)
                .WithTime("created_at", entry.At);
            if (await insert.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                var stored = await FindAsync(connection, entry.TransferId, cancellationToken)
                    ?? throw new InvalidOperationException($"Transfer {entry.TransferId} conflicted but cannot be read.");
                return new LedgerAppendResult(false, stored);
            }
        }

        await using (var wallet = new NpgsqlCommand(
            """
            INSERT INTO wallets (player_id, balance, updated_at) VALUES (@player_id, @balance, @at)
            ON CONFLICT (player_id) DO UPDATE SET balance = EXCLUDED.balance, updated_at = EXCLUDED.updated_at
            """, connection, transaction))
        {
            wallet.With("player_id", NpgsqlDbType.Text, SqlParameters.Id(entry.PlayerId))
                .With("balance", NpgsqlDbType.Bigint, entry.BalanceAfter)
                .WithTime("at", entry.At);
            await wallet.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return new LedgerAppendResult(true, entry);
    }

    public async Task<LedgerEntry?> FindAsync(string transferId, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await FindAsync(connection, transferId, cancellationToken);
    }

    public async Task<IReadOnlyList<LedgerEntry>> SearchAsync(LedgerQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var search = new NpgsqlCommand { Connection = connection };

        // Only the filters asked for, so the planner sees plain predicates it can match to an index.
        var where = new List<string>(4);
        if (query.PlayerId is { } playerId)
        {
            where.Add("player_id = @player_id");
            search.With("player_id", NpgsqlDbType.Text, SqlParameters.Id(playerId));
        }

        if (query.Kind is { } kind)
        {
            where.Add("kind = @kind");
            search.With("kind", NpgsqlDbType.Text, LedgerKindColumn.ToColumns(kind, null).Kind);
        }

        if (query.From is { } from)
        {
            where.Add("created_at >= @from");
            search.WithTime("from", from);
        }

        if (query.To is { } to)
        {
            where.Add("created_at < @to");
            search.WithTime("to", to);
        }

        search.CommandText = $"""
            SELECT {Columns} FROM ledger_transactions {(where.Count == 0 ? "" : "WHERE " + string.Join(" AND ", where))}
            ORDER BY {(query.OldestFirst ? "created_at, transaction_id" : "created_at DESC, transaction_id DESC")} OFFSET @skip LIMIT @take
            """;
        search.With("skip", NpgsqlDbType.Integer, Math.Max(0, query.Skip))
            .With("take", NpgsqlDbType.Integer, Math.Max(0, query.Take));
        return await ReadAllAsync(search, cancellationToken);
    }

    public async Task<LedgerBalance> GetBalanceAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);

        // One statement, one snapshot: the sums and the wallets are read at the same instant.
        await using var query = new NpgsqlCommand(
            """
            WITH sums AS (
                SELECT player_id, sum(amount) AS total FROM ledger_transactions GROUP BY player_id)
            SELECT
                (SELECT coalesce(sum(amount), 0) FROM ledger_transactions WHERE kind = ANY(@issuing))::bigint,
                (SELECT coalesce(sum(balance), 0) FROM wallets WHERE player_id <> @house)::bigint,
                (SELECT coalesce(sum(balance), 0) FROM wallets WHERE player_id = @house)::bigint,
                (SELECT -coalesce(sum(amount), 0) FROM ledger_transactions WHERE kind = ANY(@table))::bigint,
                NOT EXISTS (
                    SELECT 1 FROM sums FULL JOIN wallets w USING (player_id)
                    WHERE coalesce(sums.total, 0) <> coalesce(w.balance, 0))
            """, connection);
        query.With("issuing", NpgsqlDbType.Array | NpgsqlDbType.Text, LedgerKindColumn.Names(LedgerKindColumn.Issuing))
            .With("table", NpgsqlDbType.Array | NpgsqlDbType.Text, LedgerKindColumn.Names(LedgerKindColumn.Table))
            .With("house", NpgsqlDbType.Text, SqlParameters.Id(HouseAccount.PlayerId));
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new LedgerBalance(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetBoolean(4));
    }

    private static async Task<LedgerEntry?> FindAsync(NpgsqlConnection connection, string transferId, CancellationToken cancellationToken)
    {
        await using var query = new NpgsqlCommand($"SELECT {Columns} FROM ledger_transactions WHERE transfer_id = @transfer_id", connection);
        query.With("transfer_id", NpgsqlDbType.Text, transferId);
        var rows = await ReadAllAsync(query, cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    private static async Task<List<LedgerEntry>> ReadAllAsync(NpgsqlCommand query, CancellationToken cancellationToken)
    {
        var entries = new List<LedgerEntry>();
        await using var reader = await query.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var (kind, note) = LedgerKindColumn.FromColumns(reader.GetString(2), reader.GetStringOrNull(6));
            entries.Add(new LedgerEntry(
                reader.GetString(0),
                SqlParameters.ParseId(reader.GetString(1)),
                kind,
                reader.GetInt64(3),
                reader.GetInt64(4),
                reader.GetStringOrNull(5),
                note,
                reader.GetFieldValue<DateTimeOffset>(7)));
        }

        return entries;
    }
}
