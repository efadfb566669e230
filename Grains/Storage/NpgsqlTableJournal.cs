using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Tables.Model;
using Orleans.Poker.Grains.Telemetry;
using Orleans.Serialization;
using Orleans.Storage;

namespace Orleans.Poker.Grains.Storage;

/// <summary>
/// The tables' version log on PostgreSQL (<c>table_journal</c>) with group commit: the claims of all the silo's tables
/// waiting at the same moment are one multi-row insert, one round trip and one commit, each claim answered when its
/// commit is durable. One insert is in flight at a time: the claims that arrive while it commits are the next one's. Measured on two cores with 100 busy tables: two writers made batches half as large and the silo
/// 35 % slower than one writer that also lets the thread pool run once before taking its batch. A claim that finds its version taken fails
/// alone. Entries are kept for <see cref="Kept"/> after a later whole state (an activation that is not a table's latest
/// lives seconds, not an hour), then swept every <see cref="SweepEvery"/>.
/// </summary>
public sealed partial class NpgsqlTableJournal : ITableJournal, IAsyncDisposable
{
    public const int MaxBatch = 512;

    public static readonly TimeSpan Kept = TimeSpan.FromHours(1);

    public static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long one insert may take before its claims fail (their tables answer 503 and load again): a statement that
    /// hangs (a lock, a stalled server) must not hold every table of the silo behind it for Npgsql's default 30 s.
    /// </summary>
    public static readonly TimeSpan InsertTimeout = TimeSpan.FromSeconds(5);

    // A taken version is a stale activation's claim, which is rare: the batch is inserted as it is, and only when one of
    // its versions is taken, again row by row as far as each can be. ON CONFLICT on every batch cost PostgreSQL twice
    // as much per row (measured in psql: 6.3-9.2 µs a row against 3.5-4.5 µs).
    private const string Insert = "INSERT INTO table_journal (table_id, version, move) SELECT * FROM unnest(@tables, @versions, @moves)";

    private const string InsertEach = Insert + " ON CONFLICT DO NOTHING RETURNING table_id, version";

    private const string Select = "SELECT version, move FROM table_journal WHERE table_id = @table AND version > @version ORDER BY version";

    // An entry is needed while its table's newest whole state may not be stored yet; an hour after it, never. Each
    // table's newest whole state is found once (a hash join): asked again for every row, walking back through up to a
    // hundred moves each time, 404,000 rows of 1,000 tables took 28 s in psql against 0.39 s.
    private const string Sweep =
        """
        DELETE FROM table_journal j
        USING (SELECT table_id, max(version) AS whole FROM table_journal WHERE move IS NULL GROUP BY table_id) w
        WHERE j.table_id = w.table_id AND j.at < now() - @kept AND j.version < w.whole
        """;

    private readonly NpgsqlDataSource dataSource;
    private readonly Serializer serializer;
    private readonly StorageMetrics metrics;
    private readonly ILogger<NpgsqlTableJournal> logger;
    private readonly Channel<Claim> claims = Channel.CreateUnbounded<Claim>(new UnboundedChannelOptions { SingleReader = false });
    private readonly CancellationTokenSource stopping = new();
    private readonly Task[] loops;

    public NpgsqlTableJournal(NpgsqlDataSource dataSource, Serializer serializer, StorageMetrics metrics, ILogger<NpgsqlTableJournal> logger)
    {
        this.dataSource = dataSource;
        this.serializer = serializer;
        this.metrics = metrics;
        this.logger = logger;
        loops = [Task.Run(Write), Task.Run(SweepLoop)];
    }

    public async Task Append(string tableId, long version, TableMove? move)
    {
        var claim = new Claim(tableId, version, move is null ? null : serializer.SerializeToArray(move));
        if (!claims.Writer.TryWrite(claim))
        {
            throw new ObjectDisposedException(nameof(NpgsqlTableJournal));
        }

        try
        {
            await claim.Done.Task;
        }
        catch (Exception ex) when (DatabaseErrors.Find(ex) is { } database)
        {
            throw DatabaseErrors.Unavailable(logger, metrics, database, "table journal", "write");
        }
    }

    public async Task<IReadOnlyList<JournalEntry>> Read(string tableId, long version)
    {
        try
        {
            await using var command = dataSource.CreateCommand(Select);
            command.Parameters.Add(new NpgsqlParameter<string>("table", tableId));
            command.Parameters.Add(new NpgsqlParameter<long>("version", version));
            await using var reader = await command.ExecuteReaderAsync();
            var entries = new List<JournalEntry>();
            while (await reader.ReadAsync())
            {
                entries.Add(new JournalEntry(reader.GetInt64(0), reader.IsDBNull(1) ? null : serializer.Deserialize<TableMove>(reader.GetFieldValue<byte[]>(1))));
            }

            return entries;
        }
        catch (Exception ex) when (DatabaseErrors.Find(ex) is { } database)
        {
            throw DatabaseErrors.Unavailable(logger, metrics, database, "table journal", "read");
        }
    }

    /// <summary>Deletes the entries no table can need any more (<see cref="Kept"/>); the number deleted.</summary>
    public async Task<int> SweepAsync(TimeSpan kept, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(Sweep);
        // A backlog (after an outage, say) may take longer than a statement's usual 30 s; the next sweep is minutes away.
        command.CommandTimeout = (int)SweepEvery.TotalSeconds;
        command.Parameters.Add(new NpgsqlParameter<TimeSpan>("kept", kept));
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        claims.Writer.TryComplete();
        await stopping.CancelAsync();
        await Task.WhenAll(loops).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        stopping.Dispose();
    }

    private async Task Write()
    {
        var batch = new List<Claim>(MaxBatch);
        while (await claims.Reader.WaitToReadAsync())
        {
            // Once round the thread pool: the tables answered meanwhile claim too and share this commit.
            await Task.Yield();
            batch.Clear();
            while (batch.Count < MaxBatch && claims.Reader.TryRead(out var claim))
            {
                batch.Add(claim);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                var stored = await InsertAsync(batch);
                metrics.JournalCommitted(batch.Count);
                foreach (var claim in batch)
                {
                    if (stored is null || stored.Contains((claim.TableId, claim.Version)))
                    {
                        claim.Done.TrySetResult();
                    }
                    else
                    {
                        claim.Done.TrySetException(new InconsistentStateException($"Version {claim.Version} of table {claim.TableId} is stored already"));
                    }
                }
            }
            catch (Exception ex)
            {
                foreach (var claim in batch)
                {
                    claim.Done.TrySetException(ex);
                }
            }
        }
    }

    /// <summary>Inserts the batch in one commit: null when every claim was stored, else the claims that were.</summary>
    private async Task<HashSet<(string, long)>?> InsertAsync(List<Claim> batch)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        try
        {
            await using var all = Command(Insert, connection, batch);
            await all.ExecuteNonQueryAsync();
            return null;
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // Nothing of the batch was stored: again, each claim on its own.
        }

        await using var each = Command(InsertEach, connection, batch);
        await using var reader = await each.ExecuteReaderAsync();
        var stored = new HashSet<(string, long)>(batch.Count);
        while (await reader.ReadAsync())
        {
            stored.Add((reader.GetString(0), reader.GetInt64(1)));
        }

        return stored;
    }

    private static NpgsqlCommand Command(string sql, NpgsqlConnection connection, List<Claim> batch)
    {
        var command = new NpgsqlCommand(sql, connection) { CommandTimeout = (int)InsertTimeout.TotalSeconds };
        command.Parameters.Add(new NpgsqlParameter<string[]>("tables", [.. batch.Select(c => c.TableId)]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter<long[]>("versions", [.. batch.Select(c => c.Version)]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bigint });
        command.Parameters.Add(new NpgsqlParameter<byte[]?[]>("moves", [.. batch.Select(c => c.Move)]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        return command;
    }

    private async Task SweepLoop()
    {
        using var timer = new PeriodicTimer(SweepEvery);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping.Token))
            {
                try
                {
                    var deleted = await SweepAsync(Kept, stopping.Token);
                    LogSwept(logger, deleted);
                }
                catch (Exception ex) when (DatabaseErrors.Find(ex) is not null)
                {
                    LogSweepFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "The table journal swept {Deleted} entries")]
    private static partial void LogSwept(ILogger logger, int deleted);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The table journal's sweep failed; it runs again later")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);

    private sealed record Claim(string TableId, long Version, byte[]? Move)
    {
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
