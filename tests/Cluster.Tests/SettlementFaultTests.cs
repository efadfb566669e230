using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Cluster.Tests;

/// <summary>
/// A hand always settles, once, whatever fails around its last action: one silo on PostgreSQL (through a proxy that
/// fails chosen statements) and Redis, with the gateway co-hosted so the table's state endpoint is checked too.
/// Afterwards the table deals again, every hand's history is stored exactly once, and chips are conserved: what
/// the players hold plus the rake equals what they were given.
/// </summary>
[Collection(SilosCollection.Name)]
public sealed class SettlementFaultTests
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_history_insert_that_fails_is_retried_until_stored_once_while_the_table_deals_on()
    {
        await using var room = await Room.StartAsync();
        var (table, players, issued) = await room.HeadsUpTable();
        var last = await room.Driver.PlayToLastAction(table, 1);

        room.Proxy.Arm(StatementFault.HistoryInsert(FaultKind.Cut));
        await last.Act();
        var next = await When(room.Client.Grains, table, v => v.HandNo == 2 && v.TurnId > 0);

        Assert.True(room.Proxy.Applied >= 1);
        Assert.Equal(0, await room.HistoryRows(table, 1));
        Assert.Contains("_rake", await table.GetHandHistory(1), StringComparison.Ordinal);
        room.Proxy.Disarm();
        await StoredOnce(() => room.HistoryRows(table, 1));
        await room.AssertSettledAndConserved(table, players, issued, handsPlayed: 2, next.View.HandNo);
    }

    [Fact]
    public async Task A_failed_state_write_after_the_last_action_is_refused_and_its_retry_settles_the_hand()
    {
        await using var room = await Room.StartAsync();
        var (table, players, issued) = await room.HeadsUpTable();
        var last = await room.Driver.PlayToLastAction(table, 1);

        // The last action is a move: its write is the journal's insert.
        room.Proxy.Arm(StatementFault.JournalWrite(FaultKind.Cut, table.GetPrimaryKeyString()));
        await Assert.ThrowsAsync<StoreUnavailableException>(last.Act);
        Assert.Equal(1, room.Proxy.Applied);
        var answer = await PokerClient.RetryAsync(last.Act, Within);

        var next = await When(room.Client.Grains, table, v => v.HandNo == 2 && v.TurnId > 0);
        Assert.Equal(last.ClientSeq, answer.ClientSeq);
        Assert.Equal(1, await room.HistoryRows(table, 1));
        await room.AssertSettledAndConserved(table, players, issued, handsPlayed: 2, next.View.HandNo);
    }

    [Fact]
    public async Task A_silo_killed_between_the_last_action_and_the_settlement_settles_the_hand_on_reactivation()
    {
        await using var room = await Room.StartAsync();
        var (table, players, issued) = await room.HeadsUpTable();
        var last = await room.Driver.PlayToLastAction(table, 1);

        // The last action's write (a move in the journal) passes; the settlement's (the next move) is held, so the
        // table is stuck right between the two when the silo dies.
        room.Proxy.Arm(StatementFault.JournalWrite(FaultKind.Hold, table.GetPrimaryKeyString(), skip: 1));
        var clock = Stopwatch.StartNew();
        var inFlight = last.Act();
        await BoundedWait.Until(() => room.Proxy.Applied >= 1, "the settlement's journal write held", Within, TimeSpan.FromMilliseconds(10));
        room.Silo.Kill();
        room.Proxy.Disarm();
        var lost = await Record.ExceptionAsync(() => inFlight);
        var waited = clock.Elapsed;
        Assert.Equal(1, room.Proxy.Applied);
        await room.RestartSilo();
        var answer = await PokerClient.RetryAsync(last.Act, Within);

        // Assert: the in-flight action fails within a turn's patience (its silo died before answering), the stored
        // action stands (its retry gets the first answer), the hand settled once on activation and the next one is
        // dealt with a whole clock.
        Assert.NotNull(lost);
        Assert.True(waited < TimeSpan.FromSeconds(20), $"the in-flight action ended after {waited}");
        Assert.Equal(last.ClientSeq, answer.ClientSeq);
        var next = await When(room.Client.Grains, table, v => v.HandNo == 2 && v.TurnId > 0);
        Assert.Equal(1, await room.HistoryRows(table, 1));
        Assert.True(next.View.Deadline > DateTimeOffset.UtcNow + TimeSpan.FromMinutes(4));
        await room.AssertSettledAndConserved(table, players, issued, handsPlayed: 2, next.View.HandNo);
    }

    [Fact]
    public async Task A_settlement_write_that_hangs_answers_unavailable_after_the_journal_timeout_and_its_retry_settles_the_hand()
    {
        await using var room = await Room.StartAsync();
        var (table, players, issued) = await room.HeadsUpTable();
        var last = await room.Driver.PlayToLastAction(table, 1);

        // The settlement's journal write never reaches the server (a hung statement); the silo lives on.
        room.Proxy.Arm(StatementFault.JournalWrite(FaultKind.Hold, table.GetPrimaryKeyString(), skip: 1));
        var clock = Stopwatch.StartNew();
        await Assert.ThrowsAsync<StoreUnavailableException>(last.Act);
        var waited = clock.Elapsed;
        var answer = await PokerClient.RetryAsync(last.Act, Within);

        // Assert: the caller hears "unavailable" once the insert timed out (the journal's 5 s, then Npgsql's 2 s to
        // cancel), not after Npgsql's default 30 s; the stored action stands and the hand settles once.
        Assert.Equal(1, room.Proxy.Applied);
        Assert.InRange(waited, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(20));
        Assert.Equal(last.ClientSeq, answer.ClientSeq);
        var next = await When(room.Client.Grains, table, v => v.HandNo == 2 && v.TurnId > 0);
        Assert.Equal(1, await room.HistoryRows(table, 1));
        await room.AssertSettledAndConserved(table, players, issued, handsPlayed: 2, next.View.HandNo);
    }

    [Fact]
    public async Task An_unreachable_database_answers_unavailable_to_grain_calls_and_503_to_the_api()
    {
        await using var room = await Room.StartAsync();
        var http = await room.SignedInHttp();

        room.Proxy.Cut();
        var activation = await Assert.ThrowsAnyAsync<Exception>(() =>
            room.Client.Grains.GetGrain<ITableGrain>($"tbl-{Guid.NewGuid():N}").GetSummary());
        using var response = await http.GetAsync(new Uri($"/api/tables/tbl-{Guid.NewGuid():N}/state", UriKind.Relative));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        room.Proxy.Restore();

        // The activation's storage read failed: the caller gets the storage failure (wrapped by Orleans), no database type.
        Assert.True(StoreUnavailableException.IsBehind(activation), activation.ToString());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("unavailable", problem.GetProperty("code").GetString());
    }

    /// <summary>
    /// The table's snapshot once its view satisfies <paramref name="done"/>: the test's cluster client subscribes an
    /// observer and awaits the table's events (the snapshot is read after subscribing, in case it holds already). Calls
    /// are retried while the cluster does not answer (a silo just restarted).
    /// </summary>
    private static async Task<TableSnapshot> When(IGrainFactory grains, ITableGrain table, Func<TableView, bool> done)
    {
        var events = new RecordingObserver();
        var observer = grains.CreateObjectReference<ITableObserver>(events);
        try
        {
            await PokerClient.RetryAsync(async () => { await table.Subscribe(observer); return true; }, Within);
            if (await PokerClient.RetryAsync(() => table.GetSnapshot(null), Within) is var now && done(now.View))
            {
                return now;
            }

            await events.WaitFor(e => done(e.View), Within);
            return await table.GetSnapshot(null);
        }
        finally
        {
            grains.DeleteObjectReference<ITableObserver>(observer);
        }
    }

    /// <summary>Waits until a hand's history is stored once: the table's outbox writes it to the silo's database, which announces nothing here.</summary>
    private static Task StoredOnce(Func<Task<long>> rows) =>
        BoundedWait.Until(rows, count => count == 1, "stored hand history", Within, TimeSpan.FromMilliseconds(200));

    /// <summary>The database, the proxy in front of it, one silo with a co-hosted gateway, and a cluster client.</summary>
    private sealed class Room : IAsyncDisposable
    {
        private const string JwtKey = "cluster-test-signing-key-0123456789abcdef";
        private readonly Dictionary<string, string> environment = new()
        {
            ["POKER__Gateway__CoHosted"] = "true",
            ["POKER__Auth__JwtKey"] = JwtKey,
            ["POKER__Auth__GuestSignIn"] = "true",
        };

        private (int, int, int) ports;

        private Room(TestDatabase database, LoopbackProxy proxy, SiloSettings settings)
        {
            Database = database;
            Proxy = proxy;
            Settings = settings;
        }

        public TestDatabase Database { get; }

        public LoopbackProxy Proxy { get; }

        public SiloSettings Settings { get; }

        public SiloProcess Silo { get; private set; } = null!;

        public PokerClient Client { get; private set; } = null!;

        public TableDriver Driver => new(Client.Grains);

        public static async Task<Room> StartAsync()
        {
            var database = await TestDatabase.CreateMigratedAsync();
            var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString);
            var proxy = new LoopbackProxy(new IPEndPoint(IPAddress.Loopback, builder.Port));
            var room = new Room(database, proxy, SiloSettings.Fresh(proxy.Through(database.ConnectionString)));
            room.Silo = await SiloProcess.StartAsync(room.Settings, "silo", environment: room.environment);
            room.ports = (room.Silo.SiloPort, room.Silo.GatewayPort, room.Silo.HttpPort);
            room.Client = await PokerClient.ConnectAsync(room.Settings);
            return room;
        }

        /// <summary>A heads-up table with rake (no pause between hands, so the next hand is dealt at once).</summary>
        public async Task<(ITableGrain Table, long[] Players, long Issued)> HeadsUpTable()
        {
            var driver = Driver;
            var table = await driver.NewTable(await driver.NewTemplate(2, c => c with { SmallBlind = 5, BigBlind = 10, MinBuyIn = 100, MaxBuyIn = 400, RakePercent = 10, RakeCap = 3, NoFlopNoDrop = true }));
            var (players, issued) = await driver.Seat(table, 2);
            await When(Client.Grains, table, v => v.HandNo == 1 && v.TurnId > 0);
            return (table, players, issued);
        }

        public async Task RestartSilo()
        {
            Silo.Dispose();
            Silo = await SiloProcess.StartAsync(Settings, "restarted", ports, environment);
        }

        /// <summary>How many times hand <paramref name="handNo"/> of the table is stored (read past the proxy).</summary>
        public async Task<long> HistoryRows(ITableGrain table, long handNo)
        {
            await using var connection = new NpgsqlConnection(Database.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("SELECT count(*) FROM hand_histories WHERE table_id = @t AND hand_number = @h", connection);
            command.Parameters.AddWithValue("t", table.GetPrimaryKeyString());
            command.Parameters.AddWithValue("h", handNo);
            return (long)(await command.ExecuteScalarAsync())!;
        }

        /// <summary>A guest signed in to the co-hosted gateway.</summary>
        public async Task<HttpClient> SignedInHttp()
        {
            var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{Silo.HttpPort}"), Timeout = TimeSpan.FromSeconds(30) };
            using var response = await http.PostAsJsonAsync("/api/auth/guest", new { name = "Watcher" });
            response.EnsureSuccessStatusCode();
            var auth = await response.Content.ReadFromJsonAsync<JsonElement>();
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", auth.GetProperty("accessToken").GetString());
            return http;
        }

        /// <summary>
        /// The state endpoint answers, the hand in progress plays out, the table closes, and then: every hand stored
        /// exactly once, and the players' balances plus the stored rake equal the chips they were given.
        /// </summary>
        public async Task AssertSettledAndConserved(ITableGrain table, long[] players, long issued, int handsPlayed, long current)
        {
            var http = await SignedInHttp();
            using (var state = await http.GetAsync(new Uri($"/api/tables/{table.GetPrimaryKeyString()}/state", UriKind.Relative)))
            {
                Assert.Equal(HttpStatusCode.OK, state.StatusCode);
            }

            await table.Close("test over");
            await Driver.PlayToEnd(table, current);
            await When(Client.Grains, table, v => v.Status == TableStatus.Ended);
            await StoredOnce(() => HistoryRows(table, current));

            await using var connection = new NpgsqlConnection(Database.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                "SELECT count(*), count(DISTINCT hand_number), coalesce(sum(rake), 0) FROM hand_histories WHERE table_id = @t", connection);
            command.Parameters.AddWithValue("t", table.GetPrimaryKeyString());
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            var (rows, distinct, rake) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
            Assert.Equal(handsPlayed, rows);
            Assert.Equal(rows, distinct);
            Assert.True(rake > 0);
            Assert.Equal(issued, await Driver.Balances(players) + rake);

            // Each stored hand has its two players' results, written with it: what they won and lost adds up to the rake.
            await using var results = new NpgsqlCommand("SELECT count(*), coalesce(sum(net), 0) FROM hand_players WHERE table_id = @t", connection);
            results.Parameters.AddWithValue("t", table.GetPrimaryKeyString());
            await reader.DisposeAsync();
            await using var resultRows = await results.ExecuteReaderAsync();
            await resultRows.ReadAsync();
            Assert.Equal((2 * handsPlayed, -rake), (resultRows.GetInt64(0), resultRows.GetInt64(1)));
        }

        public async ValueTask DisposeAsync()
        {
            await Client.DisposeAsync();
            Silo.Dispose();
            await Proxy.DisposeAsync();
            await Database.DisposeAsync();
        }
    }
}
