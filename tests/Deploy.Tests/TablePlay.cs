using System.Diagnostics;
using System.Net;
using System.Net.Security;
using Orleans.Poker.Gateway.Contracts;

namespace Orleans.Poker.Deploy.Tests;

/// <summary>
/// Players at tables of their own, through nginx, playing until told to leave (see <see cref="TablePlayer"/>); a
/// window (an update, a restart) is marked with <see cref="Mark"/>, and <see cref="FinishAsync"/> makes everyone leave
/// and measures what happened against the database (<see cref="PlayFigures"/>).
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class TablePlay : IAsyncDisposable
{
    /// <summary>Fixed-limit hold'em without rake or robots: checking and calling moves few chips, nobody busts.</summary>
    public const string Template = "limit-holdem";

    private readonly List<(TableProgress Table, List<TablePlayer> Players)> tables = [];

    private TablePlay()
    {
    }

    public IEnumerable<TablePlayer> Players => tables.SelectMany(t => t.Players);

    /// <summary>
    /// <paramref name="tableCount"/> tables of <paramref name="seated"/> players each: player <c>i</c> connects from
    /// 127.0.0.(<paramref name="firstAddress"/>+i), so nginx's <c>hash $remote_addr</c> spreads them over the gateways.
    /// </summary>
    public static async Task<TablePlay> StartAsync(Uri https, RemoteCertificateValidationCallback trusts, string botToken, int tableCount, int seated, int firstAddress = 10)
    {
        var play = new TablePlay();
        var telegramBase = Random.Shared.NextInt64(1_000_000_000, 8_000_000_000);
        for (var t = 0; t < tableCount; t++)
        {
            var players = new List<TablePlayer>();
            for (var i = 0; i < seated; i++)
            {
                var n = t * seated + i;
                // The first player of each table repeats each action, as after a lost answer.
                players.Add(await TablePlayer.SignInAsync(https, trusts, IPAddress.Parse($"127.0.0.{firstAddress + n}"), botToken, telegramBase + n, $"P{n}", repeatsActions: i == 0));
            }

            var created = await players[0].SendAsync<TableCreatedResponse>(HttpMethod.Post, "/api/tables", new { templateId = Template, name = $"deploy {t}" });
            var progress = new TableProgress(created.Table.TableId);
            play.tables.Add((progress, players));
            foreach (var player in players)
            {
                await player.JoinAsync(progress, created.Table.MaxBuyIn);
            }
        }

        return play;
    }

    public static long Mark() => Stopwatch.GetTimestamp();

    /// <summary>Waits until every table has started <paramref name="hands"/> more hands than now.</summary>
    public async Task PlayHandsAsync(int hands, TimeSpan timeout)
    {
        var targets = tables.Select(t => t.Table.LastHand + hands).ToList();
        var clock = Stopwatch.StartNew();
        while (tables.Select((t, i) => t.Table.LastHand < targets[i]).Any(behind => behind))
        {
            Assert.True(clock.Elapsed < timeout, $"fewer than {hands} hands were played in {timeout}: {string.Join(", ", tables.Select(t => $"{t.Table.TableId} at hand {t.Table.LastHand}"))}; " +
                string.Join("; ", Players.Select(p => $"{p.Name}: {p.Accepted} accepted, {p.Reconnects} reconnects, {p.TimedOut} timed out, {p.Failures.Count} failed, last problem {p.LastProblem}")));
            await Task.Delay(100);
        }
    }

    /// <summary>What was played inside a window marked by two <see cref="Mark"/>s.</summary>
    public WindowFigures Window(long from, long to) => new(
        tables.Sum(t => t.Table.HandsStarted(from, to)),
        Players.Sum(p => p.AcceptedBetween(from, to)),
        tables.Select(t => t.Table.LongestGap(from, to)).MaxBy(g => g.Length)!);

    /// <summary>
    /// The players' chips while they play: their wallets (the database; they do not change while everybody is
    /// seated) plus each table's chips as one REST view shows them at once (stacks and pots, which hold the current
    /// street's bets) plus the rake of the tables' stored hands (none at this template).
    /// </summary>
    public async Task<long> ChipsAsync(DeployTool tool)
    {
        var wallets = long.Parse(await tool.RowsAsync($"SELECT coalesce(sum(balance), 0) FROM wallets WHERE player_id IN ({PlayerIds})"));
        var rake = long.Parse(await tool.RowsAsync($"SELECT coalesce(sum(rake), 0) FROM hand_histories WHERE table_id IN ({TableIds})"));
        var onTables = 0L;
        foreach (var (_, players) in tables)
        {
            var view = (await players[0].StateAsync()).View;
            onTables += view.Seats.Sum(seat => seat.Stack) + view.Pots.Sum(pot => pot.Amount);
        }

        return wallets + onTables + rake;
    }

    private string PlayerIds => string.Join(", ", Players.Select(p => $"'{p.PlayerId}'"));

    private string TableIds => string.Join(", ", tables.Select(t => $"'{t.Table.TableId}'"));

    /// <summary>Everyone leaves (finishing the hand they are in); then the figures, from the database of <paramref name="tool"/>.</summary>
    public async Task<PlayFigures> FinishAsync(DeployTool tool)
    {
        await Task.WhenAll(Players.Select(p => p.LeaveAsync(TimeSpan.FromSeconds(60))));
        var ids = PlayerIds;
        var tableIds = TableIds;
        var granted = long.Parse(await tool.RowsAsync($"SELECT coalesce(sum(amount), 0) FROM ledger_transactions WHERE kind = 'grant' AND player_id IN ({ids})"));
        var wallets = long.Parse(await tool.RowsAsync($"SELECT coalesce(sum(balance), 0) FROM wallets WHERE player_id IN ({ids})"));
        var rake = long.Parse(await tool.RowsAsync($"SELECT coalesce(sum(rake), 0) FROM hand_histories WHERE table_id IN ({tableIds})"));
        // Every wallet is the sum of its player's ledger: no chip moved unrecorded.
        var unbalanced = await tool.RowsAsync($"SELECT w.player_id FROM wallets w WHERE w.player_id IN ({ids}) AND w.balance <> " +
            "(SELECT coalesce(sum(l.amount), 0) FROM ledger_transactions l WHERE l.player_id = w.player_id)");

        var started = 0L;
        var missing = new List<string>();
        foreach (var (table, _) in tables)
        {
            var stored = (await tool.RowsAsync($"SELECT hand_number FROM hand_histories WHERE table_id = '{table.TableId}' ORDER BY 1"))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToList();
            // Hand numbers run 1, 2, 3 ... at a table: the last one any player saw started is how many were started.
            var last = Math.Max(table.LastHand, stored.Count == 0 ? 0 : stored.Max());
            started += last;
            missing.AddRange(Enumerable.Range(1, (int)last).Select(n => (long)n).Except(stored).Select(n => $"{table.TableId}#{n}"));
            if (stored.Count != stored.Distinct().Count())
            {
                missing.Add($"{table.TableId}: a hand number stored twice");
            }
        }

        return new PlayFigures(
            started,
            missing,
            Players.Sum(p => p.Accepted),
            Players.SelectMany(p => p.Failures).ToList(),
            Players.Sum(p => p.Retries),
            Players.Sum(p => p.Reconnects),
            Players.Sum(p => p.TimedOut),
            Players.Sum(p => p.Replays),
            granted,
            wallets,
            rake,
            unbalanced);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var player in Players)
        {
            await player.DisposeAsync();
        }
    }
}
