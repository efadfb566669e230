using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;

namespace Orleans.Poker.Cluster.Tests;

/// <summary>Creates templates, tables and players with unique ids and plays turns, all through grain calls.</summary>
public sealed class TableDriver(IGrainFactory grains)
{
    private static long nextPlayerId = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
    private long clientSeq;

    /// <summary>No-limit hold'em that chains hands at once and never times anybody out during a test.</summary>
    public static TemplateConfig Holdem(int minPlayers) => TestTemplates.Chained("Cluster NLHE", minPlayers);

    /// <summary>A template whose hands start once <paramref name="minPlayers"/> sit (<paramref name="change"/> adjusts it).</summary>
    public async Task<string> NewTemplate(int minPlayers, Func<TemplateConfig, TemplateConfig>? change = null)
    {
        var templateId = $"t-{Guid.NewGuid():N}";
        var config = Holdem(minPlayers);
        await grains.GetGrain<ITemplateGrain>(templateId).Create(change is null ? config : change(config));
        return templateId;
    }

    public async Task<ITableGrain> NewTable(string templateId)
    {
        var table = grains.GetGrain<ITableGrain>($"tbl-{Guid.NewGuid():N}");
        await table.Create(new TableCreation(templateId, 1));
        return table;
    }

    /// <summary>Registers and seats <paramref name="count"/> players (seats 0..count-1); returns ids and chips issued to them.</summary>
    public async Task<(long[] Players, long Issued)> Seat(ITableGrain table, int count, long buyIn = 100)
    {
        var ids = new long[count];
        long issued = 0;
        for (var i = 0; i < count; i++)
        {
            ids[i] = Interlocked.Increment(ref nextPlayerId);
            var summary = await grains.GetGrain<IPlayerGrain>(ids[i]).Register(new PlayerProfile { PlayerId = ids[i], DisplayName = $"P{ids[i]}" });
            issued += summary.Balance;
            await table.Sit(new SeatRequest(ids[i], $"P{i}", buyIn, i));
        }

        return (ids, issued);
    }

    /// <summary>The player to act acts passively (check, else call).</summary>
    public async Task<ActResult> ActPassively(ITableGrain table) => await (await PassiveTurn(table)).Act();

    /// <summary>The passive action of the player to act, to be taken (and retried with its client sequence number) later.</summary>
    public async Task<PendingAction> PassiveTurn(ITableGrain table)
    {
        var view = (await table.GetSnapshot(null)).View;
        var seat = view.ActorSeat ?? throw new Xunit.Sdk.XunitException("nobody is to act");
        var player = view.Seats[seat].PlayerId!.Value;
        var legal = (await table.GetSnapshot(player)).Mine!.Legal!;
        var action = new PlayerAction(legal.CanCheck ? ActionKind.Check : ActionKind.Call);
        return new PendingAction(table, player, new TurnRef(view.HandNo, view.TurnId), action, Interlocked.Increment(ref clientSeq));
    }

    /// <summary>
    /// Heads-up, plays hand <paramref name="handNo"/> passively to its last action (the second check on the river)
    /// and returns that action untaken.
    /// </summary>
    public async Task<PendingAction> PlayToLastAction(ITableGrain table, long handNo)
    {
        for (var actions = 0; actions < 20; actions++)
        {
            var view = (await table.GetSnapshot(null)).View;
            Assert.Equal(handNo, view.HandNo);
            await ActPassively(table);
            if (view.Street == 3)
            {
                // The first check on the river: the other player's check ends the hand.
                return await PassiveTurn(table);
            }
        }

        throw new Xunit.Sdk.XunitException($"hand {handNo} never reached its river");
    }

    /// <summary>Acts passively until the flop is out, then once more, so a hand has a board and a history.</summary>
    public async Task PlayIntoFlop(ITableGrain table)
    {
        for (var i = 0; i < 20 && (await table.GetSnapshot(null)).View.Street == 0; i++)
        {
            await ActPassively(table);
        }

        await ActPassively(table);
    }

    /// <summary>Plays passively until hand <paramref name="handNo"/> is over; returns the actions taken.</summary>
    public async Task<int> PlayToEnd(ITableGrain table, long handNo)
    {
        for (var actions = 0; actions < 200; actions++)
        {
            var view = (await table.GetSnapshot(null)).View;
            if (view.HandNo != handNo || view.ActorSeat is null)
            {
                return actions;
            }

            await ActPassively(table);
        }

        throw new Xunit.Sdk.XunitException($"hand {handNo} did not end");
    }

    public async Task<long> Balances(IEnumerable<long> players)
    {
        long total = 0;
        foreach (var id in players)
        {
            total += (await grains.GetGrain<IPlayerGrain>(id).Get()).Balance;
        }

        return total;
    }

    /// <summary>What must survive a silo failure: the hand, the actor, the board, stacks, bets and each player's own cards.</summary>
    public static async Task<TableFacts> Facts(ITableGrain table, IReadOnlyList<long> players)
    {
        var view = (await table.GetSnapshot(null)).View;
        var cards = new List<string>();
        foreach (var id in players)
        {
            var mine = (await table.GetSnapshot(id)).Mine;
            cards.Add($"{id}:{string.Join(' ', mine?.Cards ?? [])}");
        }

        return new TableFacts(
            view.HandNo,
            view.ActorSeat,
            string.Join(' ', view.Board),
            string.Join(' ', view.Seats.Select(s => $"{s.PlayerId}:{s.Stack}/{s.Bet}")),
            string.Join(' ', view.Pots.Select(p => p.Amount)),
            string.Join(' ', cards));
    }
}
