using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Tests.Tables;

namespace Orleans.Poker.Grains.Tests.Players;

[Collection(ClusterCollection.Name)]
public sealed class BanTests(ClusterFixture fixture)
{
    private const long AdminId = 42;

    private readonly TableKit kit = new(fixture.Client, fixture.Time);

    [Fact]
    public async Task A_ban_stands_the_player_up_and_cashes_them_out_of_every_table_with_every_chip_kept()
    {
        var first = await kit.NewTable(TableKit.Holdem());
        var second = await kit.NewTable(TableKit.Holdem());
        var banned = await kit.NewPlayer("Cheat");
        var player = fixture.Grains.GetGrain<IPlayerGrain>(banned);
        var before = await kit.Balance(banned);
        await first.Sit(new SeatRequest(banned, "Cheat", 150, 0));
        await second.Sit(new SeatRequest(banned, "Cheat", 200, 0));

        var ban = await player.Ban(AdminId, "  collusion  ");

        Assert.Equal((AdminId, "collusion", fixture.Time.GetUtcNow()), (ban.AdminId, ban.Reason, ban.At));
        Assert.Equal(ban, await player.GetBan());
        var summary = await player.Get();
        Assert.Equal(before, summary.Balance);
        Assert.Empty(summary.Tables);
        foreach (var table in new[] { first, second })
        {
            Assert.DoesNotContain((await table.GetSnapshot(null)).View.Seats, s => s.PlayerId == banned);
        }

        var ledger = await player.GetLedger(0, 10);
        Assert.Equal([150, 200], ledger.Where(e => e.Kind == LedgerKind.CashOut).Select(e => e.Amount).Order());
    }

    [Fact]
    public async Task A_player_in_a_hand_is_stood_up_when_the_hand_ends_and_no_chip_is_made_or_lost()
    {
        var table = await kit.NewTable(TableKit.Holdem());
        var others = await kit.Seat(table, 2);
        var banned = await kit.NewPlayer("Cheat");
        await table.Sit(new SeatRequest(banned, "Cheat", 100, 5));
        var everyone = others.Append(banned).ToArray();
        var issued = (await Task.WhenAll(everyone.Select(kit.Balance))).Sum() + 300;
        var hand = (await kit.StartNextHand(table)).View.HandNo;

        await fixture.Grains.GetGrain<IPlayerGrain>(banned).Ban(AdminId, "bot account");
        Assert.Contains((await table.GetSnapshot(null)).View.Seats, s => s.PlayerId == banned);
        await kit.PlayPassivelyToEnd(table, hand);

        var view = (await table.GetSnapshot(null)).View;
        Assert.DoesNotContain(view.Seats, s => s.PlayerId == banned);
        Assert.Empty((await fixture.Grains.GetGrain<IPlayerGrain>(banned).Get()).Tables);
        var balances = (await Task.WhenAll(everyone.Select(kit.Balance))).Sum();
        var stacks = view.Seats.Where(s => s.PlayerId is not null).Sum(s => s.Stack);
        Assert.Equal(issued, balances + stacks + view.Pots.Sum(p => p.Amount));
    }

    [Fact]
    public async Task A_ban_while_the_players_table_waits_on_the_player_answers_and_the_player_is_stood_up_with_every_chip()
    {
        var table = await kit.NewTable(TableKit.Holdem());
        var banned = await kit.NewPlayer("Cheat");
        var player = fixture.Grains.GetGrain<IPlayerGrain>(banned);
        var before = await kit.Balance(banned);
        await table.Sit(new SeatRequest(banned, "Cheat", 150, 0));

        // The ban is held before it tells the gateways; the player leaves meanwhile, so the table waits for the player
        // (the cash-out) while the ban, once it goes on, asks the table to stand the player up.
        var telling = CallGates.Hold(nameof(IBansGrain.Banned), player);
        var cashingOut = CallGates.Watch(nameof(IPlayerGrain.TransferFromTable), table);
        var banning = player.Ban(AdminId, "collusion");
        await telling.Reached;
        var leaving = table.Leave(banned);
        await cashingOut.Reached;
        telling.Open();

        // Neither waits for Orleans' 30-s response timeout: the ban answers, then the table has its answer.
        var ban = await banning.WaitAsync(TimeSpan.FromSeconds(20));
        var cashedOut = await leaving.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal("collusion", ban.Reason);
        Assert.Equal(150, cashedOut);
        Assert.Equal(before, await kit.Balance(banned));
        Assert.Empty((await player.Get()).Tables);
        Assert.DoesNotContain((await table.GetSnapshot(null)).View.Seats, s => s.PlayerId == banned);

        // The kick the ban stopped waiting for ran once the table had its answer, and its outcome was not lost.
        var kicked = await BoundedWait.Until(
            () => Task.FromResult(fixture.Logs.Entries.Where(e => Equals(e.Values.GetValueOrDefault("PlayerId"), banned) && e.Values.ContainsKey("TableId")).ToList()),
            entries => entries.Exists(e => e.Template.StartsWith("Banned player {PlayerId} had left", StringComparison.Ordinal)),
            "log line of the late kick");
        Assert.DoesNotContain(kicked, e => e.Level >= LogLevel.Warning);
    }

    [Fact]
    public async Task A_banned_player_cannot_buy_in_until_the_ban_is_lifted()
    {
        var table = await kit.NewTable(TableKit.Holdem());
        var banned = await kit.NewPlayer("Cheat");
        var player = fixture.Grains.GetGrain<IPlayerGrain>(banned);
        var before = await kit.Balance(banned);
        await player.Ban(AdminId, "chargeback");

        var refused = await Assert.ThrowsAsync<PokerException>(() => table.Sit(new SeatRequest(banned, "Cheat", 100, 0)));

        Assert.Equal((PlayerBan.Code, 403), (refused.Code, refused.Status));
        Assert.Equal(before, await kit.Balance(banned));
        Assert.DoesNotContain((await table.GetSnapshot(null)).View.Seats, s => s.PlayerId == banned);

        await player.Unban(AdminId, "appeal upheld");
        Assert.Null(await player.GetBan());
        await table.Sit(new SeatRequest(banned, "Cheat", 100, 0));
        Assert.Equal(before - 100, await kit.Balance(banned));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task A_ban_without_a_reason_is_refused_and_changes_nothing(string? reason)
    {
        var player = fixture.Grains.GetGrain<IPlayerGrain>(await kit.NewPlayer());

        var refused = await Assert.ThrowsAsync<PokerException>(() => player.Ban(AdminId, reason!));

        Assert.Equal("invalid_reason", refused.Code);
        Assert.Null(await player.GetBan());
    }

    [Fact]
    public async Task A_reason_too_long_an_admin_banning_themselves_and_lifting_no_ban_are_refused()
    {
        var id = await kit.NewPlayer();
        var player = fixture.Grains.GetGrain<IPlayerGrain>(id);

        var tooLong = await Assert.ThrowsAsync<PokerException>(() => player.Ban(AdminId, new string('x', PlayerBan.MaxReasonLength + 1)));
        var self = await Assert.ThrowsAsync<PokerException>(() => player.Ban(id, "testing"));
        var notBanned = await Assert.ThrowsAsync<PokerException>(() => player.Unban(AdminId, "nothing to lift"));

        Assert.Equal(("invalid_reason", "forbidden", "not_banned"), (tooLong.Code, self.Code, notBanned.Code));
        Assert.Null(await player.GetBan());
    }

    [Fact]
    public async Task Banning_again_keeps_the_first_ban()
    {
        var player = fixture.Grains.GetGrain<IPlayerGrain>(await kit.NewPlayer());
        var first = await player.Ban(AdminId, "first");
        fixture.Time.Advance(TimeSpan.FromMinutes(1));

        var again = await player.Ban(AdminId + 1, "second");

        Assert.Equal(first, again);
    }
}
