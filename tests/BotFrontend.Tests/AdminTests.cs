using Microsoft.AspNetCore.TestHost;
using Orleans.Poker.Grains.Interfaces.Admin;
using Orleans.Poker.Grains.Interfaces.Bot;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.BotFrontend.Tests;

[Collection(BotCollection.Name)]
public sealed class AdminTests(BotFixture bot)
{
    private static long clientSeq = 2_000_000;

    [Fact]
    public async Task Admin_shows_the_room_figures_with_the_last_hours_hands_and_buttons_per_table()
    {
        var (table, _, _) = await TableWithTwoPlayers("Insights table");
        var tableId = table.GetPrimaryKeyString();
        var insights = bot.Grains.GetGrain<IRoomInsightsGrain>(0);
        var handsBefore = (await insights.Get()).HandsLastHour;
        var view = (await bot.StartNextHand(table)).View;
        var actor = view.Seats.Single(s => s.Seat == view.ActorSeat).PlayerId!.Value;
        await table.Act(actor, new TurnRef(view.HandNo, view.TurnId), new PlayerAction(ActionKind.Fold), Interlocked.Increment(ref clientSeq));
        // The hand reaches the store through the table's outbox, which announces nothing: a bounded wait.
        var figures = await BoundedWait.Until(insights.Get, i => i.HandsLastHour > handsBefore, "stored hand in the room's figures");

        var listed = await bot.Say(BotFixture.AdminId, "/admin");
        var later = await insights.Get();

        // Tables of other tests in this collection play on while the shared clock moves: what /admin showed lies
        // between the figures read before and after it.
        Assert.True(figures.HandsLastHour >= handsBefore + 1);
        Assert.True(figures.PlayersSeated >= 2 && figures.PlayersLastHour >= 2 && figures.PotsLastHour > 0);
        Assert.Contains(figures.Tables, t => t.TableId == tableId);
        var shown = System.Text.RegularExpressions.Regex.Match(listed.Text,
            @"Tables: (\d+) \(active \d+, paused \d+, waiting \d+\)\nPlayers seated: (\d+) · waitlisted: \d+\nLast hour: (\d+) hands, (\d+) players, pots (\d+)");
        Assert.True(shown.Success, listed.Text);
        Assert.InRange(long.Parse(shown.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), Math.Min(figures.Tables.Count, later.Tables.Count), Math.Max(figures.Tables.Count, later.Tables.Count));
        Assert.InRange(long.Parse(shown.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture), figures.HandsLastHour, later.HandsLastHour);
        Assert.InRange(long.Parse(shown.Groups[5].Value, System.Globalization.CultureInfo.InvariantCulture), figures.PotsLastHour, later.PotsLastHour);
        Assert.Contains($"{tableId} · Insights table", listed.Text, StringComparison.Ordinal);
        Assert.Contains($"ad:{tableId}", listed.CallbackData);
        Assert.Contains($"ap:{tableId}", listed.CallbackData);
        Assert.Contains($"ac:{tableId}", listed.CallbackData);
    }

    [Fact]
    public async Task Admin_pauses_resumes_kicks_and_closes_a_table_from_the_chat_and_each_is_audited()
    {
        var (table, chatPlayer, appPlayer) = await TableWithTwoPlayers("Managed table");
        var tableId = table.GetPrimaryKeyString();
        var admin = BotFixture.AdminId;

        var paused = await bot.Press(admin, $"ap:{tableId}");
        var pausedStatus = (await table.GetSummary()).Status;
        var manage = await ManageView(tableId);
        await bot.Press(admin, $"ar:{tableId}");
        var resumedStatus = (await table.GetSummary()).Status;
        var after = bot.Api.LastIndex;
        await bot.Press(admin, $"ak:{tableId}:{chatPlayer}");
        var told = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == chatPlayer && r.Text.Contains("removed you", StringComparison.Ordinal), after);
        var seatedAfterKick = (await table.GetSnapshot(null)).View.Seats.Where(s => s.PlayerId is not null).Select(s => s.PlayerId!.Value).ToList();
        await bot.Press(admin, $"ac:{tableId}");

        Assert.Equal("Done", paused.Json["text"]?.GetValue<string>());
        Assert.Equal(TableStatus.Paused, pausedStatus);
        Assert.Contains("paused", manage.Text, StringComparison.Ordinal);
        Assert.Contains($"ar:{tableId}", manage.CallbackData);
        Assert.Contains($"ak:{tableId}:{chatPlayer}", manage.CallbackData);
        Assert.Contains($"ak:{tableId}:{appPlayer}", manage.CallbackData);
        Assert.NotEqual(TableStatus.Paused, resumedStatus);
        Assert.Equal([appPlayer], seatedAfterKick);
        Assert.Contains("Managed table", told.Text, StringComparison.Ordinal);
        Assert.Equal(BotFixture.StartingBalance, (await bot.Grains.GetGrain<IPlayerGrain>(chatPlayer).Get()).Balance);
        Assert.Equal(TableStatus.Ended, (await table.GetSummary()).Status);
        var audit = (await bot.Grains.GetGrain<IAuditLogGrain>(0).Search(new AuditQuery(Take: 50))).Where(e => e.Target == tableId).Reverse().ToList();
        Assert.Equal(["table.pause", "table.resume", "table.kick", "table.close"], audit.Select(e => e.Action));
        Assert.All(audit, e => Assert.Equal(admin, e.AdminId));
        Assert.Contains(chatPlayer.ToString(System.Globalization.CultureInfo.InvariantCulture), audit[2].Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Admin_command_and_buttons_are_refused_to_players_and_change_nothing()
    {
        var (table, chatPlayer, appPlayer) = await TableWithTwoPlayers("Guarded table");
        var tableId = table.GetPrimaryKeyString();
        var user = BotFixture.NewUserId();
        var before = await table.GetSnapshot(null);

        var command = await bot.Say(user, "/admin");
        var answers = new List<string?>();
        foreach (var data in new[] { $"ad:{tableId}", $"ap:{tableId}", $"ar:{tableId}", $"ak:{tableId}:{appPlayer}", $"ac:{tableId}" })
        {
            answers.Add((await bot.Press(chatPlayer, data)).Json["text"]?.GetValue<string>());
        }

        Assert.Contains("admins only", command.Text, StringComparison.Ordinal);
        Assert.Empty(command.CallbackData);
        Assert.All(answers, answer => Assert.Contains("admins only", answer, StringComparison.Ordinal));
        var now = await table.GetSnapshot(null);
        Assert.Equal(before.EventSeq, now.EventSeq);
        Assert.Equal(before.View.Status, now.View.Status);
        Assert.DoesNotContain(await bot.Grains.GetGrain<IAuditLogGrain>(0).Search(new AuditQuery(Take: 200)), e => e.Target == tableId);
        Assert.DoesNotContain(bot.Api.To(chatPlayer), r => r.Text.StartsWith("⚙", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_Persian_admin_gets_the_figures_and_buttons_in_Persian()
    {
        var (table, _, _) = await TableWithTwoPlayers("Persian admin table");
        var persianAdmin = BotFixture.NewUserId();
        var settings = bot.Options.Bot;
        var options = new ServiceDefaults.Configuration.PokerOptions
        {
            Bot = new ServiceDefaults.Configuration.BotSettings
            {
                Token = settings.Token,
                WebhookUrl = settings.WebhookUrl,
                WebhookSecret = settings.WebhookSecret,
                ApiBaseUrl = settings.ApiBaseUrl,
                AdminTelegramIds = persianAdmin.ToString(System.Globalization.CultureInfo.InvariantCulture),
                GroupTemplateId = settings.GroupTemplateId,
            },
        };
        var host = await bot.StartBot(options);
        try
        {
            using var webhook = host.GetTestServer().CreateClient();
            var after = bot.Api.LastIndex;
            (await bot.Post(BotFixture.Message(persianAdmin, "/admin", language: "fa"), webhook: webhook)).EnsureSuccessStatusCode();
            var listed = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == persianAdmin, after);

            Assert.StartsWith("📈 میزها:", listed.Text, StringComparison.Ordinal);
            Assert.Contains("یک ساعت اخیر", listed.Text, StringComparison.Ordinal);
            Assert.Contains("⏸ توقف", listed.ButtonTexts);
            Assert.Contains($"ap:{table.GetPrimaryKeyString()}", listed.CallbackData);
        }
        finally
        {
            await host.StopAsync();
            await host.DisposeAsync();
        }
    }

    /// <summary>A new table with a chat player (joined with the button) and a mini-app player.</summary>
    private async Task<(ITableGrain Table, long ChatPlayer, long AppPlayer)> TableWithTwoPlayers(string name)
    {
        var table = await bot.NewTable(name);
        var chatPlayer = BotFixture.NewUserId();
        await bot.Press(chatPlayer, $"j:{table.GetPrimaryKeyString()}");
        var appPlayer = BotFixture.NewUserId();
        await bot.Grains.GetGrain<IPlayerGrain>(appPlayer).Register(new PlayerProfile { PlayerId = appPlayer, TelegramId = appPlayer, DisplayName = "App player" });
        await table.Sit(new SeatRequest(appPlayer, "App player", 100));
        return (table, chatPlayer, appPlayer);
    }

    private async Task<BotApiRequest> ManageView(string tableId)
    {
        var after = bot.Api.LastIndex;
        await bot.Press(BotFixture.AdminId, $"ad:{tableId}");
        return await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == BotFixture.AdminId && r.Text.StartsWith("⚙", StringComparison.Ordinal), after);
    }
}
