using Orleans.Poker.Grains.Interfaces.Admin;
using Orleans.Poker.Grains.Interfaces.Players;

namespace Orleans.Poker.BotFrontend.Tests;

/// <summary><c>/admin find</c>, <c>player</c>, <c>ban</c> and <c>unban</c>, and what a banned player gets from the bot.</summary>
[Collection(BotCollection.Name)]
public sealed class AdminPlayerTests(BotFixture bot)
{
    [Fact]
    public async Task Admin_finds_shows_bans_and_unbans_a_player_who_meanwhile_only_hears_that_they_are_banned()
    {
        var table = await bot.NewTable("Ban table");
        var (cheat, _) = await bot.JoinTwo(table);
        var admin = BotFixture.AdminId;
        var player = bot.Grains.GetGrain<IPlayerGrain>(cheat);
        var balance = (await player.Get()).Balance;
        var stack = (await table.GetSnapshot(null)).View.Seats.Single(s => s.PlayerId == cheat).Stack;

        var found = await bot.Say(admin, $"/admin find {cheat}");
        var shown = await bot.Say(admin, $"/admin player {cheat}");
        var banned = await bot.Say(admin, $"/admin ban {cheat} chip dumping <b>");
        var refusedMessage = await bot.Say(cheat, "/menu");
        var refusedButton = await bot.Press(cheat, "m");
        var shownBanned = await bot.Say(admin, $"/admin player {cheat}");

        Assert.Contains($"id {cheat}", found.Text, StringComparison.Ordinal);
        Assert.Contains("Not banned.", shown.Text, StringComparison.Ordinal);
        Assert.Contains($"Player {cheat} is banned (chip dumping <b>)", banned.Text, StringComparison.Ordinal);
        Assert.Contains("suspended", refusedMessage.Text, StringComparison.Ordinal);
        Assert.Contains("suspended", refusedButton.Json["text"]?.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("⛔ Banned since", shownBanned.Text, StringComparison.Ordinal);
        Assert.Equal("chip dumping <b>", (await player.GetBan())?.Reason);
        Assert.DoesNotContain((await table.GetSnapshot(null)).View.Seats, s => s.PlayerId == cheat);
        Assert.Equal(balance + stack, (await player.Get()).Balance);
        var audit = await bot.Grains.GetGrain<IAuditLogGrain>(0).Search(new AuditQuery(admin, "player.ban"));
        Assert.Contains(audit, e => e.Target == cheat.ToString(System.Globalization.CultureInfo.InvariantCulture) && e.Details == "chip dumping <b>");

        var lifted = await bot.Say(admin, $"/admin unban {cheat} appeal upheld");
        var menu = await bot.Say(cheat, "/menu");

        Assert.Contains($"Player {cheat} may play again.", lifted.Text, StringComparison.Ordinal);
        Assert.Null(await player.GetBan());
        Assert.DoesNotContain("suspended", menu.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_banned_Persian_player_is_told_in_Persian()
    {
        var user = BotFixture.NewUserId();
        await bot.Press(user, "lg:fa");
        await bot.Say(BotFixture.AdminId, $"/admin ban {user} spam");

        var refused = await bot.Say(user, "/lobby", language: "fa");

        Assert.Contains("معلق", refused.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_admin_player_commands_are_refused_politely_and_change_nothing()
    {
        var user = BotFixture.NewUserId();
        await bot.Say(user, "/menu");
        var admin = BotFixture.AdminId;

        var notAdmin = await bot.Say(user, $"/admin ban {BotFixture.NewUserId()} no reason");
        var noReason = await bot.Say(admin, $"/admin ban {user}");
        var badId = await bot.Say(admin, "/admin ban someone spam");
        var anAdmin = await bot.Say(admin, $"/admin ban {admin} testing");
        var shortSearch = await bot.Say(admin, "/admin find a");
        var notBanned = await bot.Say(admin, $"/admin unban {user} nothing to lift");
        var unknown = await bot.Say(admin, "/admin player 123456789");
        var tooLong = await bot.Say(admin, $"/admin ban {user} {new string('x', 201)}");
        var twoLines = await bot.Say(admin, $"/admin ban {user} spam\nand more");
        var unbanTooLong = await bot.Say(admin, $"/admin unban {user} {new string('x', 201)}");
        var audit = await bot.Grains.GetGrain<IAuditLogGrain>(0).Search(new AuditQuery(AdminId: admin, Take: 20));

        Assert.Contains("admins only", notAdmin.Text, StringComparison.Ordinal);
        Assert.Contains("/admin ban <id> <reason>", noReason.Text, StringComparison.Ordinal);
        Assert.Contains("/admin ban <id> <reason>", badId.Text, StringComparison.Ordinal);
        Assert.Contains("Admins cannot be banned.", anAdmin.Text, StringComparison.Ordinal);
        Assert.Contains("2 to 64 characters", shortSearch.Text, StringComparison.Ordinal);
        Assert.Contains("not banned", notBanned.Text, StringComparison.Ordinal);
        Assert.Contains("no longer exists", unknown.Text, StringComparison.Ordinal);
        Assert.All([tooLong, twoLines, unbanTooLong], refused => Assert.Contains("1 to 200 characters on one line", refused.Text, StringComparison.Ordinal));
        // Bad reasons are refused before the audit entry (the gateway's rule): the only entries are those of the unban
        // of a player who is not banned, a refusal of the player's state after the entry.
        var target = user.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(["player.unban.failed", "player.unban"], audit.Where(e => e.Target == target).Select(e => e.Action));
        Assert.Null(await bot.Grains.GetGrain<IPlayerGrain>(user).GetBan());
        Assert.Null(await bot.Grains.GetGrain<IPlayerGrain>(admin).GetBan());
    }
}
