using Orleans.Poker.Grains.Interfaces.Common;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Players;
using Orleans.Runtime;
using Orleans.Storage;

namespace Orleans.Poker.Grains.Tests.Players;

[Collection(ClusterCollection.Name)]
public sealed class PlayerGrainTests(ClusterFixture fixture)
{
    private const long StartingBalance = 10_000;

    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Registration_grants_the_starting_balance_as_a_ledger_entry()
    {
        var (id, player) = NewPlayer();

        var summary = await player.Register(Profile(id, "Ada", "fa-IR"));

        Assert.Equal(StartingBalance, summary.Balance);
        Assert.Equal("fa", summary.Profile.Language);
        Assert.Equal(fixture.Time.GetUtcNow(), summary.Profile.CreatedAt);
        var grant = Assert.Single(await player.GetLedger(0, 10));
        Assert.Equal((LedgerKind.Grant, StartingBalance, StartingBalance), (grant.Kind, grant.Amount, grant.BalanceAfter));
        Assert.Equal("Ada", (await fixture.Players.FindAsync(id))?.DisplayName);
    }

    [Fact]
    public async Task Registering_again_refreshes_the_profile_without_a_second_grant()
    {
        var (id, player) = NewPlayer();
        await player.Register(Profile(id, "Ada"));
        await player.UpdateProfile(null, "fa");

        var summary = await player.Register(Profile(id, "Ada Lovelace") with { Username = "ada" });

        Assert.Equal(StartingBalance, summary.Balance);
        Assert.Equal(("Ada Lovelace", "ada", "fa"), (summary.Profile.DisplayName, summary.Profile.Username, summary.Profile.Language));
        Assert.Single(await player.GetLedger(0, 10));
    }

    [Fact]
    public async Task Unknown_player_is_not_found()
    {
        var (_, player) = NewPlayer();

        var error = await Assert.ThrowsAsync<PokerException>(() => player.Get());

        Assert.Equal(("not_found", 404), (error.Code, error.Status));
    }

    [Fact]
    public async Task Same_transfer_id_twice_is_applied_once()
    {
        var (id, player) = await Registered();

        var first = await player.TransferToTable(T("t1:in:1"), "table-1", 400);
        var second = await player.TransferToTable(T("t1:in:1"), "table-1", 400);

        Assert.Equal(StartingBalance - 400, first);
        Assert.Equal(first, second);
        Assert.Equal(StartingBalance - 400, (await player.Get()).Balance);
        Assert.Single(fixture.Ledger.All, e => e.TransferId == T("t1:in:1"));
        Assert.Equal(2, (await player.GetLedger(0, 10)).Count);
        Assert.Equal(id, (await fixture.Ledger.FindAsync(T("t1:in:1")))?.PlayerId);
    }

    [Fact]
    public async Task The_house_account_opens_on_its_first_rake_takes_each_rake_once_and_nothing_else()
    {
        var house = fixture.Grains.GetGrain<IPlayerGrain>(HouseAccount.PlayerId);
        var rakeId = T("t1:rake:1");

        var first = await house.TransferFromTable(rakeId, "table-1", 7, LedgerKind.Rake);
        var again = await house.TransferFromTable(rakeId, "table-1", 7, LedgerKind.Rake);
        var cashOut = await Assert.ThrowsAsync<PokerException>(() => house.TransferFromTable(T("t1:out:x"), "table-1", 5, LedgerKind.CashOut));

        Assert.Equal(first, again);
        Assert.Equal(HouseAccount.Name, (await house.Get()).Profile.DisplayName);
        var entry = Assert.Single(fixture.Ledger.All, e => e.TransferId == rakeId);
        Assert.Equal((HouseAccount.PlayerId, LedgerKind.Rake, 7L), (entry.PlayerId, entry.Kind, entry.Amount));
        Assert.Equal("invalid_kind", cashOut.Code);
        Assert.Equal(first, (await house.Get()).Balance);
    }

    [Fact]
    public async Task A_player_refuses_rake()
    {
        var (_, player) = await Registered();

        var error = await Assert.ThrowsAsync<PokerException>(() => player.TransferFromTable(T("t1:rake:2"), "table-1", 5, LedgerKind.Rake));

        Assert.Equal("invalid_kind", error.Code);
        Assert.Equal(StartingBalance, (await player.Get()).Balance);
    }

    [Fact]
    public async Task Buy_in_above_the_balance_is_refused_and_changes_nothing()
    {
        var (_, player) = await Registered();

        var error = await Assert.ThrowsAsync<PokerException>(() => player.TransferToTable(ClusterFixture.NewKey("x"), "table-1", StartingBalance + 1));

        Assert.Equal(("insufficient_balance", 409), (error.Code, error.Status));
        Assert.Equal(StartingBalance, (await player.Get()).Balance);
        Assert.Single(await player.GetLedger(0, 10));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public async Task Transfers_need_a_positive_amount(long amount)
    {
        var (_, player) = await Registered();

        var toTable = await Assert.ThrowsAsync<PokerException>(() => player.TransferToTable(T("a"), "table-1", amount));
        var fromTable = await Assert.ThrowsAsync<PokerException>(() => player.TransferFromTable(T("b"), "table-1", amount, LedgerKind.CashOut));

        Assert.Equal("invalid_amount", toTable.Code);
        Assert.Equal("invalid_amount", fromTable.Code);
        Assert.Equal(StartingBalance, (await player.Get()).Balance);
    }

    [Fact]
    public async Task Cash_out_returns_chips_and_the_ledger_lists_newest_first()
    {
        var (_, player) = await Registered();
        await player.TransferToTable(T("in-1"), "table-1", 1_000);
        fixture.Time.Advance(TimeSpan.FromMinutes(1));

        var balance = await player.TransferFromTable(T("out-1"), "table-1", 1_500, LedgerKind.CashOut);

        Assert.Equal(StartingBalance + 500, balance);
        var ledger = await player.GetLedger(0, 10);
        Assert.Equal([LedgerKind.CashOut, LedgerKind.BuyIn, LedgerKind.Grant], ledger.Select(e => e.Kind));
        Assert.Equal([1_500L, -1_000L, StartingBalance], ledger.Select(e => e.Amount));
        Assert.Equal([LedgerKind.BuyIn], (await player.GetLedger(1, 1)).Select(e => e.Kind));
    }

    [Fact]
    public async Task Transfer_from_a_table_must_be_a_cash_out_or_a_prize()
    {
        var (_, player) = await Registered();

        var error = await Assert.ThrowsAsync<PokerException>(() => player.TransferFromTable(T("g"), "table-1", 10, LedgerKind.Grant));

        Assert.Equal("invalid_kind", error.Code);
        Assert.Equal(StartingBalance, (await player.Get()).Balance);
    }

    [Fact]
    public async Task Transfer_appended_by_a_crashed_attempt_is_applied_once_on_retry()
    {
        var (id, player) = await Registered();
        var transferId = ClusterFixture.NewKey("crashed");
        await fixture.Ledger.AppendAsync(new LedgerEntry(transferId, id, LedgerKind.BuyIn, -300, StartingBalance - 300, "table-1", null, fixture.Time.GetUtcNow()));

        var retried = await player.TransferToTable(transferId, "table-1", 300);
        var again = await player.TransferToTable(transferId, "table-1", 300);

        Assert.Equal(StartingBalance - 300, retried);
        Assert.Equal(retried, again);
        Assert.Single(fixture.Ledger.All, e => e.TransferId == transferId);
    }

    [Fact]
    public async Task Transfer_id_of_another_player_is_refused()
    {
        var (_, first) = await Registered();
        var (_, second) = await Registered();
        await first.TransferToTable("shared-id-" + Guid.NewGuid(), "table-1", 10);
        var used = (await first.GetLedger(0, 1))[0].TransferId;

        var error = await Assert.ThrowsAsync<PokerException>(() => second.TransferToTable(used, "table-1", 10));

        Assert.Equal("transfer_id_reused", error.Code);
        Assert.Equal(StartingBalance, (await second.Get()).Balance);
    }

    [Fact]
    public async Task Admin_adjustment_adds_and_removes_chips_but_never_below_zero()
    {
        var (_, player) = await Registered();

        var added = await player.AdminAdjust(T("adj-1"), 250, adminId: 7, "compensation for a disconnect");
        var removed = await player.AdminAdjust(T("adj-2"), -50, adminId: 7, "duplicate grant");
        var error = await Assert.ThrowsAsync<PokerException>(() => player.AdminAdjust(T("adj-3"), -1_000_000, adminId: 7, "too much"));
        var repeated = await player.AdminAdjust(T("adj-1"), 250, adminId: 7, "compensation for a disconnect");

        Assert.Equal(StartingBalance + 250, added);
        Assert.Equal(StartingBalance + 200, removed);
        Assert.Equal("insufficient_balance", error.Code);
        Assert.Equal(StartingBalance + 200, repeated);
        var newest = (await player.GetLedger(0, 1))[0];
        Assert.Equal((LedgerKind.AdminAdjustment, "duplicate grant"), (newest.Kind, newest.Note));
    }

    [Fact]
    public async Task Admin_adjustment_needs_an_amount_and_a_reason()
    {
        var (_, player) = await Registered();

        var zero = await Assert.ThrowsAsync<PokerException>(() => player.AdminAdjust(T("z"), 0, 1, "nothing"));
        var noReason = await Assert.ThrowsAsync<PokerException>(() => player.AdminAdjust(T("r"), 10, 1, " "));

        Assert.Equal(("invalid_amount", "invalid_reason"), (zero.Code, noReason.Code));
        Assert.Equal(StartingBalance, (await player.Get()).Balance);
    }

    [Fact]
    public async Task Top_up_refills_to_the_starting_balance_once_per_day()
    {
        var (_, player) = await Registered();
        await player.TransferToTable(T("in-1"), "table-1", 9_000);

        var first = await player.ClaimTopUp();
        await player.TransferToTable(T("in-2"), "table-1", 5_000);
        fixture.Time.Advance(TimeSpan.FromHours(23));
        var early = await Assert.ThrowsAsync<PokerException>(() => player.ClaimTopUp());
        fixture.Time.Advance(TimeSpan.FromHours(1));
        var second = await player.ClaimTopUp();

        Assert.Equal(StartingBalance, first);
        Assert.Equal(("top_up_not_due", 409), (early.Code, early.Status));
        Assert.Equal(StartingBalance, second);
        Assert.Equal(2, (await player.GetLedger(0, 10)).Count(e => e.Kind == LedgerKind.TopUp));
    }

    [Fact]
    public async Task Top_up_is_refused_when_the_balance_is_not_below_the_start()
    {
        var (_, player) = await Registered();

        var error = await Assert.ThrowsAsync<PokerException>(() => player.ClaimTopUp());

        Assert.Equal("top_up_not_needed", error.Code);
        Assert.Equal(StartingBalance, (await player.Get()).Balance);
    }

    [Theory]
    [InlineData("de")]
    [InlineData("english")]
    [InlineData("")]
    public async Task Language_must_be_en_or_fa(string language)
    {
        var (_, player) = await Registered();

        var error = await Assert.ThrowsAsync<PokerException>(() => player.UpdateProfile(null, language));

        Assert.Equal(("invalid_language", 400), (error.Code, error.Status));
        Assert.Equal("en", (await player.Get()).Profile.Language);
    }

    [Fact]
    public async Task Display_name_is_trimmed_and_must_not_be_empty()
    {
        var (_, player) = await Registered();

        var renamed = await player.UpdateProfile("  Cyrus  ", null);
        var error = await Assert.ThrowsAsync<PokerException>(() => player.UpdateProfile("   ", null));

        Assert.Equal("Cyrus", renamed.DisplayName);
        Assert.Equal("invalid_name", error.Code);
        Assert.Equal("Cyrus", (await player.Get()).Profile.DisplayName);
    }

    [Fact]
    public async Task Reachability_is_part_of_the_profile()
    {
        var (_, player) = await Registered();

        await player.SetReachable(false);

        Assert.True((await player.Get()).Profile.Unreachable);
    }

    [Fact]
    public async Task Only_a_reachable_private_chat_lets_the_bot_message_the_player()
    {
        var (_, player) = await Registered();
        var signedIn = (await player.Get()).Profile;

        await player.SetReachable(true);
        var started = (await player.Get()).Profile;
        await player.Register(started with { BotChat = false, DisplayName = "Renamed" });
        var reRegistered = (await player.Get()).Profile;
        await player.SetReachable(false);
        var blocked = (await player.Get()).Profile;

        Assert.False(signedIn.CanMessage);
        Assert.True(started.BotChat);
        Assert.True(started.CanMessage);
        Assert.True(reRegistered.CanMessage);
        Assert.True(blocked.BotChat);
        Assert.False(blocked.CanMessage);
    }

    [Fact]
    public async Task Each_hand_counts_once_in_the_statistics()
    {
        var (_, player) = await Registered();

        await player.RecordHand(new HandOutcome("table-1", 1, Net: 40, Won: 60, VoluntarilyPutIn: true, SawShowdown: true));
        await player.RecordHand(new HandOutcome("table-1", 1, Net: 40, Won: 60, VoluntarilyPutIn: true, SawShowdown: true));
        await player.RecordHand(new HandOutcome("table-1", 2, Net: -10, Won: 0, VoluntarilyPutIn: false, SawShowdown: false));

        var stats = (await player.Get()).Stats;
        Assert.Equal(new PlayerStats { HandsPlayed = 2, HandsWon = 1, Net = 30, VoluntarilyPutIn = 1, ShowdownsSeen = 1, BiggestPotWon = 60 }, stats);
    }

    [Fact]
    public async Task Hand_statistics_are_stored_within_the_write_delay_and_when_the_grain_deactivates()
    {
        var (_, player) = await Registered();
        var outcome = new HandOutcome("table-1", 1, Net: 40, Won: 60, VoluntarilyPutIn: true, SawShowdown: true);

        await player.RecordHand(outcome);
        var right = await StoredHands(player);
        fixture.Time.Advance(PlayerGrain.StatsWriteDelay);
        await BoundedWait.Until(async () => await StoredHands(player) == 1, "statistics stored by the timer", TimeSpan.FromSeconds(10));
        await player.RecordHand(outcome with { HandNo = 2 });
        await fixture.Cluster.DeactivateAsync(player);

        Assert.Equal(0, right);
        Assert.Equal(2, await StoredHands(player));
        Assert.Equal(2, (await player.Get()).Stats.HandsPlayed);
    }

    private async Task<long> StoredHands(IPlayerGrain player)
    {
        var stored = new GrainState<PlayerState>();
        await fixture.SiloServices.GetRequiredKeyedService<IGrainStorage>(PokerStorage.Name).ReadStateAsync("player", player.GetGrainId(), stored);
        return stored.State?.Stats.HandsPlayed ?? 0;
    }

    [Fact]
    public async Task Seated_tables_are_tracked()
    {
        var (_, player) = await Registered();

        await player.SetSeated("table-a", true);
        await player.SetSeated("table-b", true);
        await player.SetSeated("table-a", true);
        await player.SetSeated("table-b", false);

        Assert.Equal(["table-a"], (await player.Get()).Tables);
    }

    [Fact]
    public async Task State_survives_deactivation()
    {
        var (_, player) = await Registered();
        await player.TransferToTable(T("in-1"), "table-1", 123);

        await fixture.Cluster.DeactivateAsync(player);
        var again = await player.TransferToTable(T("in-1"), "table-1", 123);

        Assert.Equal(StartingBalance - 123, again);
        Assert.Equal(StartingBalance - 123, (await player.Get()).Balance);
    }

    /// <summary>Transfer ids are unique across the shared ledger: suffix them per test.</summary>
    private string T(string name) => $"{name}-{_run}";

    private (long Id, IPlayerGrain Grain) NewPlayer()
    {
        var id = ClusterFixture.NewPlayerId();
        return (id, fixture.Grains.GetGrain<IPlayerGrain>(id));
    }

    private async Task<(long Id, IPlayerGrain Grain)> Registered()
    {
        var (id, player) = NewPlayer();
        await player.Register(Profile(id, $"Player {id}"));
        return (id, player);
    }

    private static PlayerProfile Profile(long id, string name, string language = "en") =>
        new() { PlayerId = id, TelegramId = id, DisplayName = name, Language = language };
}
