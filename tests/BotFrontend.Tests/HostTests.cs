using Orleans.Poker.Grains.Interfaces.Admin;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.BotFrontend.Tests;

/// <summary><c>/host</c> and its buttons: the group's table is hosted by who opened it; everyone else is refused.</summary>
[Collection(BotCollection.Name)]
public sealed class HostTests(BotFixture bot)
{
    [Fact]
    public async Task The_groups_host_pauses_changes_the_next_hand_kicks_and_resumes_from_the_chat_and_each_is_audited()
    {
        const long group = -1_002_224_401;
        var (host, guest) = await GroupTable(group);
        var tableId = Handling.UpdateHandler.GroupTableId(group);
        var table = bot.Grains.GetGrain<ITableGrain>(tableId);

        var panel = await bot.Say(host, "/host", group);
        var paused = await bot.Press(host, $"hp:{tableId}", group);
        var pausedStatus = (await table.GetSummary()).Status;
        await bot.Press(host, $"hb:{tableId}:4", group);
        await bot.Press(host, $"ht:{tableId}:40", group);
        var next = (await table.GetSnapshot(null)).View.NextSettings;
        var after = bot.Api.LastIndex;
        await bot.Press(host, $"hk:{tableId}:{guest}", group);
        var told = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == guest && r.Text.Contains("The host removed you", StringComparison.Ordinal), after);
        var seated = (await table.GetSnapshot(null)).View.Seats.Where(s => s.PlayerId is not null).Select(s => s.PlayerId!.Value).ToList();
        await bot.Press(host, $"hr:{tableId}", group);
        var audit = (await bot.Grains.GetGrain<IAuditLogGrain>(0).Search(new AuditQuery(AdminId: host, Take: 20))).Where(e => e.Target == tableId).Reverse().ToList();

        Assert.Contains("you host this table", panel.Text, StringComparison.Ordinal);
        Assert.Contains("Limits: big blind 2–8, 10–80 s", panel.Text, StringComparison.Ordinal);
        Assert.Contains($"hp:{tableId}", panel.CallbackData);
        Assert.Contains($"hb:{tableId}:4", panel.CallbackData);
        Assert.Contains($"ht:{tableId}:40", panel.CallbackData);
        Assert.Contains($"hk:{tableId}:{guest}", panel.CallbackData);
        Assert.DoesNotContain($"hk:{tableId}:{host}", panel.CallbackData);
        Assert.Equal("Done", paused.Json["text"]?.GetValue<string>());
        Assert.Equal(TableStatus.Paused, pausedStatus);
        Assert.Equal(new TableSettings(2, 4, TimeSpan.FromSeconds(40)), next);
        Assert.Contains("Poker group", told.Text, StringComparison.Ordinal);
        Assert.Equal([host], seated);
        Assert.NotEqual(TableStatus.Paused, (await table.GetSummary()).Status);
        Assert.Equal(["host.pause", "host.settings", "host.settings", "host.kick", "host.resume"], audit.Select(e => e.Action));
    }

    [Fact]
    public async Task Host_controls_are_refused_to_other_players_politely_and_change_nothing()
    {
        const long group = -1_002_224_402;
        var (host, guest) = await GroupTable(group);
        var tableId = Handling.UpdateHandler.GroupTableId(group);
        var table = bot.Grains.GetGrain<ITableGrain>(tableId);
        var before = await table.GetSnapshot(null);

        var command = await bot.Say(guest, "/host", group);
        var answers = new List<string?>();
        foreach (var data in new[] { $"hp:{tableId}", $"hc:{tableId}", $"hk:{tableId}:{host}", $"hb:{tableId}:4", $"ht:{tableId}:40" })
        {
            answers.Add((await bot.Press(guest, data, group)).Json["text"]?.GetValue<string>());
        }

        var privately = await bot.Say(guest, "/host");
        var now = await table.GetSnapshot(null);

        Assert.Contains("you are not allowed to do that", command.Text, StringComparison.Ordinal);
        Assert.Empty(command.CallbackData);
        Assert.All(answers, answer => Assert.Contains("you are not allowed to do that", answer, StringComparison.Ordinal));
        Assert.Contains("You host no table here", privately.Text, StringComparison.Ordinal);
        Assert.Equal(before.EventSeq, now.EventSeq);
        Assert.Null(now.View.NextSettings);
        Assert.DoesNotContain(await bot.Grains.GetGrain<IAuditLogGrain>(0).Search(new AuditQuery(Take: 200)), e => e.Target == tableId);
    }

    [Fact]
    public async Task A_hosts_bad_button_out_of_the_limits_or_kicking_themselves_is_refused_politely_before_its_audit_entry()
    {
        const long group = -1_002_224_403;
        var (host, _) = await GroupTable(group);
        var tableId = Handling.UpdateHandler.GroupTableId(group);
        var table = bot.Grains.GetGrain<ITableGrain>(tableId);
        var before = await table.GetSnapshot(null);

        // A panel's buttons keep to the limits; these are what an old or forged button could carry.
        var bigBlind = await bot.Press(host, $"hb:{tableId}:100", group);
        var turnTime = await bot.Press(host, $"ht:{tableId}:600", group);
        var self = await bot.Press(host, $"hk:{tableId}:{host}", group);
        var now = await table.GetSnapshot(null);

        Assert.Contains("outside the table's limits", bigBlind.Json["text"]?.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("outside the table's limits", turnTime.Json["text"]?.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("instead of kicking themselves", self.Json["text"]?.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(before.EventSeq, now.EventSeq);
        Assert.Null(now.View.NextSettings);
        Assert.DoesNotContain(await bot.Grains.GetGrain<IAuditLogGrain>(0).Search(new AuditQuery(AdminId: host, Take: 20)), e => e.Target == tableId);
    }

    [Fact]
    public async Task An_admin_switches_maintenance_from_the_chat_players_are_refused_and_the_table_message_says_it()
    {
        var admin = BotFixture.AdminId;
        var player = BotFixture.NewUserId();
        var table = await bot.NewTable("Maintenance table");
        var tableId = table.GetPrimaryKeyString();
        await bot.Press(player, $"j:{tableId}");

        var refused = await bot.Press(player, "mt:1");
        var stillOff = (await bot.Grains.GetGrain<IMaintenanceGrain>(IMaintenanceGrain.Key).Get()).On;
        var listed = await bot.Say(admin, "/admin");
        BotApiRequest mine;
        bool on;
        try
        {
            await bot.Press(admin, "mt:1");
            on = (await bot.Grains.GetGrain<IMaintenanceGrain>(IMaintenanceGrain.Key).Get()).On;
            mine = await bot.Say(player, "/table");
        }
        finally
        {
            await bot.Press(admin, "mt:0");
        }

        Assert.Contains("admins only", refused.Json["text"]?.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(stillOff);
        Assert.Contains("Maintenance is off", listed.Text, StringComparison.Ordinal);
        Assert.Contains("mt:1", listed.CallbackData);
        Assert.True(on);
        Assert.Contains("🛠 Maintenance: no new hand starts", mine.Text, StringComparison.Ordinal);
        Assert.False((await bot.Grains.GetGrain<IMaintenanceGrain>(IMaintenanceGrain.Key).Get()).On);
        var audit = await bot.Grains.GetGrain<IAuditLogGrain>(0).Search(new AuditQuery(AdminId: admin, Take: 5));
        Assert.Equal(["room.maintenance.off", "room.maintenance.on"], audit.Where(e => e.Target == "room").Take(2).Select(e => e.Action));
    }

    /// <summary>A group's table opened by its host (<c>/startgroup</c>), the host and a guest seated.</summary>
    private async Task<(long Host, long Guest)> GroupTable(long group)
    {
        var (host, guest) = (BotFixture.NewUserId(), BotFixture.NewUserId());
        await bot.Say(host, "/start");
        await bot.Say(guest, "/start");
        var after = bot.Api.LastIndex;
        (await bot.Post(BotFixture.Membership(host, group, "left", "member"))).EnsureSuccessStatusCode();
        await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == group, after);
        var tableId = Handling.UpdateHandler.GroupTableId(group);
        await bot.Press(host, $"j:{tableId}", group);
        await bot.Press(guest, $"j:{tableId}", group);
        return (host, guest);
    }
}
