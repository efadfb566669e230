using Microsoft.Extensions.Time.Testing;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;

namespace Orleans.Poker.Grains.Tests.Tables;

/// <summary>Creates templates, tables and players with unique ids, and plays turns through grain calls.</summary>
public sealed class TableKit(IGrainFactory grains, FakeTimeProvider time)
{
    public IGrainFactory Grains => grains;

    public FakeTimeProvider Time => time;

    /// <summary>The grain tests' template: <see cref="TestTemplates.Holdem"/> with 2 s between hands, as <paramref name="change"/> adjusts it.</summary>
    public static TemplateConfig Holdem(Func<TemplateConfig, TemplateConfig>? change = null)
    {
        var config = TestTemplates.Holdem("Test NLHE", TimeSpan.FromSeconds(2));
        return change is null ? config : change(config);
    }

    /// <summary>The long random-play runs' table: four-handed, raked, no pause between hands, nobody sat out by the clock.</summary>
    public static TemplateConfig RakedFourMax(decimal rakePercent, long rakeCap) => Holdem(c => c with
    {
        RakePercent = rakePercent,
        RakeCap = rakeCap,
        MaxPlayers = 4,
        MinBuyIn = 40,
        MaxBuyIn = 200,
        PauseBetweenHands = TimeSpan.Zero,
        TimeoutsBeforeSitOut = 1000,
    });

    /// <summary>Between hands: busted players buy <paramref name="amount"/> chips again and sit back in (refusals change nothing).</summary>
    public async Task RefillBusted(ITableGrain table, long amount)
    {
        var view = (await table.GetSnapshot(null)).View;
        foreach (var seat in view.Seats.Where(s => s.PlayerId is not null && s.Stack == 0))
        {
            await RandomPlay.Refusable(() => table.TopUp(seat.PlayerId!.Value, amount));
            await RandomPlay.Refusable(() => table.SitIn(seat.PlayerId!.Value));
        }
    }

    /// <summary>A new table from a new template with <paramref name="config"/>, created by <paramref name="createdBy"/> (0: the room).</summary>
    public async Task<ITableGrain> NewTable(TemplateConfig config, long createdBy = 1)
    {
        var templateId = $"t-{Guid.NewGuid():N}";
        await grains.GetGrain<ITemplateGrain>(templateId).Create(config);
        var table = grains.GetGrain<ITableGrain>($"tbl-{Guid.NewGuid():N}");
        await table.Create(new TableCreation(templateId, createdBy));
        return table;
    }

    public async Task<long> NewPlayer(string name = "P")
    {
        var id = ClusterFixture.NewPlayerId();
        await grains.GetGrain<IPlayerGrain>(id).Register(new PlayerProfile { PlayerId = id, TelegramId = id, DisplayName = $"{name}{id}" });
        return id;
    }

    public async Task<long> Balance(long playerId) => (await grains.GetGrain<IPlayerGrain>(playerId).Get()).Balance;

    /// <summary>Seats new players with the given buy-in; returns their ids in seat order.</summary>
    public async Task<long[]> Seat(ITableGrain table, int count, long buyIn = 100)
    {
        var ids = new long[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = await NewPlayer();
            await table.Sit(new SeatRequest(ids[i], $"P{i}", buyIn, i));
        }

        return ids;
    }

    /// <summary>Lets the pause between hands pass so the next hand starts.</summary>
    public Task<TableSnapshot> StartNextHand(ITableGrain table) => TestHands.StartNext(table, time);

    /// <summary>The seated player whose turn it is, with their legal actions and cards.</summary>
    public async Task<(long PlayerId, PrivateView Mine, TurnRef Turn)> Actor(ITableGrain table) =>
        await TryActor(table) ?? throw new Xunit.Sdk.XunitException("nobody is to act");

    /// <summary>The actor, or null when nobody is to act (e.g. a timer due after the last clock advance ended the hand).</summary>
    public async Task<(long PlayerId, PrivateView Mine, TurnRef Turn)?> TryActor(ITableGrain table)
    {
        var view = (await table.GetSnapshot(null)).View;
        if (view.ActorSeat is not { } seat)
        {
            return null;
        }

        var playerId = view.Seats[seat].PlayerId!.Value;
        return (await table.GetSnapshot(playerId)).Mine is { Legal: not null } mine ? (playerId, mine, new TurnRef(view.HandNo, view.TurnId)) : null;
    }

    private long clientSeq;

    /// <summary>Plays passively (check, call, stand pat, bring-in) until the hand ends; returns the actions taken.</summary>
    public async Task<int> PlayPassivelyToEnd(ITableGrain table, long handNo)
    {
        var actions = 0;
        while (true)
        {
            var snapshot = await table.GetSnapshot(null);
            if (snapshot.View.HandNo != handNo || snapshot.View.ActorSeat is null)
            {
                return actions;
            }

            var (player, mine, turn) = await Actor(table);
            var legal = mine.Legal!;
            var action = legal.DiscardMax is not null ? new PlayerAction(ActionKind.Discard, 0, mine.Cards.Take(Math.Min(1, legal.DiscardMax.Value)).ToArray())
                : legal.BringIn is not null ? new PlayerAction(ActionKind.BringIn)
                : legal.CanCheck ? new PlayerAction(ActionKind.Check)
                : new PlayerAction(ActionKind.Call);
            await table.Act(player, turn, action, Interlocked.Increment(ref clientSeq));
            actions++;
        }
    }

    /// <summary>
    /// Whoever is to act goes all in, and when nobody is (a sitting-out player's turn, the pause between hands) the clock
    /// moves a second, until the table ends or <paramref name="steps"/> run out.
    /// </summary>
    public async Task PlayAllInUntilEnded(ITableGrain table, int steps)
    {
        for (var step = 0; step < steps && (await table.GetSummary()).Status != TableStatus.Ended; step++)
        {
            if (await TryActor(table) is var (player, mine, turn))
            {
                await table.Act(player, turn, AllIn(mine), NextSeq());
            }
            else
            {
                time.Advance(TimeSpan.FromSeconds(1));
                await Task.Yield();
            }
        }
    }

    /// <summary>All in: a bet or raise to the most allowed, else a call.</summary>
    public static PlayerAction AllIn(PrivateView mine) =>
        mine.Legal!.CanBetOrRaise ? new PlayerAction(ActionKind.BetOrRaise, mine.Legal.MaxRaiseTo) : new PlayerAction(ActionKind.Call);

    public long NextSeq() => Interlocked.Increment(ref clientSeq);
}
