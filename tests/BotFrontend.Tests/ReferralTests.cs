using Orleans.Poker.Grains.Interfaces.Bot;
using Orleans.Poker.Grains.Interfaces.Players;

namespace Orleans.Poker.BotFrontend.Tests;

[Collection(BotCollection.Name)]
public sealed class ReferralTests(BotFixture bot)
{
    [Fact]
    public async Task A_new_player_from_an_invite_link_credits_both_players_once_through_the_ledger_and_the_referrer_hears_it_in_Persian()
    {
        var (referrer, invited, other) = (BotFixture.NewUserId(), BotFixture.NewUserId(), BotFixture.NewUserId());
        await bot.Say(referrer, "/start", language: "fa");
        await bot.Say(other, "/start");
        var referrerBefore = await Balance(referrer);
        var otherBefore = await Balance(other);
        var after = bot.Api.LastIndex;

        var welcome = await bot.Say(invited, $"/start r_{referrer}");
        var told = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == referrer, after);
        var balance = await Balance(invited);
        var again = await bot.Say(invited, $"/start r_{referrer}");
        var byAnother = await bot.Say(invited, $"/start r_{other}");

        Assert.Contains($"User{referrer % 10_000} invited you: {BotFixture.NewPlayerBonus} bonus chips", welcome.Text, StringComparison.Ordinal);
        Assert.Contains(balance.ToString(System.Globalization.CultureInfo.InvariantCulture), welcome.Text, StringComparison.Ordinal);
        Assert.Contains($"{BotFixture.ReferrerBonus} ژتون هدیه برای شما", told.Text, StringComparison.Ordinal);
        Assert.Equal(referrerBefore + BotFixture.ReferrerBonus, await Balance(referrer));
        Assert.Equal(BotFixture.StartingBalance + BotFixture.NewPlayerBonus, balance);
        Assert.Equal(balance, await Balance(invited));
        Assert.Equal(otherBefore, await Balance(other));
        Assert.Contains($"already invited by player {referrer}", again.Text, StringComparison.Ordinal);
        Assert.Contains($"already invited by player {referrer}", byAnother.Text, StringComparison.Ordinal);
        Assert.Equal(referrer, await bot.Grains.GetGrain<IReferralGrain>(invited).GetReferrer());

        var referrerEntry = Assert.Single(await bot.Grains.GetGrain<IPlayerGrain>(referrer).GetLedger(0, 10), e => e.TransferId == $"referral:{invited}");
        Assert.Equal((LedgerKind.Grant, BotFixture.ReferrerBonus), (referrerEntry.Kind, referrerEntry.Amount));
        Assert.Contains($"invited player {invited}", referrerEntry.Note, StringComparison.Ordinal);
        var invitedLedger = await bot.Grains.GetGrain<IPlayerGrain>(invited).GetLedger(0, 10);
        var welcomeEntry = Assert.Single(invitedLedger, e => e.TransferId == $"referral-welcome:{invited}");
        Assert.Equal((LedgerKind.Grant, BotFixture.NewPlayerBonus), (welcomeEntry.Kind, welcomeEntry.Amount));
        Assert.Equal(2, invitedLedger.Count);
    }

    [Fact]
    public async Task Following_ones_own_invite_link_credits_nothing()
    {
        var user = BotFixture.NewUserId();
        await bot.Say(user, "/start");
        var before = await Balance(user);

        var reply = await bot.Say(user, $"/start r_{user}");

        Assert.Contains("your own invite link", reply.Text, StringComparison.Ordinal);
        Assert.Equal(before, await Balance(user));
        Assert.Null(await bot.Grains.GetGrain<IReferralGrain>(user).GetReferrer());
    }

    [Fact]
    public async Task A_player_who_has_played_is_not_new_and_credits_nothing()
    {
        var (referrer, veteran) = (BotFixture.NewUserId(), BotFixture.NewUserId());
        await bot.Say(referrer, "/start");
        await bot.Say(veteran, "/start");
        await bot.Grains.GetGrain<IPlayerGrain>(veteran).RecordHand(new HandOutcome("tb-old", 1, -2, 0, false, false));
        var (referrerBefore, veteranBefore) = (await Balance(referrer), await Balance(veteran));

        var reply = await bot.Say(veteran, $"/start r_{referrer}");

        Assert.Contains("new players only", reply.Text, StringComparison.Ordinal);
        Assert.Equal(referrerBefore, await Balance(referrer));
        Assert.Equal(veteranBefore, await Balance(veteran));
    }

    [Fact]
    public async Task An_invite_link_of_an_unknown_player_credits_nothing_and_a_later_valid_one_still_can()
    {
        var (user, referrer) = (BotFixture.NewUserId(), BotFixture.NewUserId());
        await bot.Say(referrer, "/start");

        var unknown = await bot.Say(user, "/start r_42");
        var valid = await bot.Say(user, $"/start r_{referrer}");

        Assert.Contains("not valid", unknown.Text, StringComparison.Ordinal);
        Assert.Contains($"User{referrer % 10_000} invited you", valid.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bonus_is_applied_once_per_transfer_id_and_a_bad_one_changes_nothing()
    {
        var user = BotFixture.NewUserId();
        await bot.Say(user, "/start");
        var player = bot.Grains.GetGrain<IPlayerGrain>(user);
        var before = await Balance(user);

        var first = await player.GrantBonus($"bonus-test:{user}", 250, "test bonus");
        var retried = await player.GrantBonus($"bonus-test:{user}", 250, "test bonus");
        var zero = await Assert.ThrowsAsync<Grains.Interfaces.Common.PokerException>(() => player.GrantBonus($"bonus-zero:{user}", 0, "nothing"));
        var noReason = await Assert.ThrowsAsync<Grains.Interfaces.Common.PokerException>(() => player.GrantBonus($"bonus-blank:{user}", 5, " "));

        Assert.Equal(before + 250, first);
        Assert.Equal(first, retried);
        Assert.Equal(("invalid_amount", "invalid_reason"), (zero.Code, noReason.Code));
        Assert.Equal(first, await Balance(user));
        Assert.Single(await player.GetLedger(0, 10), e => e.TransferId.StartsWith("bonus-", StringComparison.Ordinal));
    }

    private async Task<long> Balance(long playerId) => (await bot.Grains.GetGrain<IPlayerGrain>(playerId).Get()).Balance;
}
