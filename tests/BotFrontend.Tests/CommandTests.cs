using Orleans.Poker.BotFrontend.Rendering;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;

namespace Orleans.Poker.BotFrontend.Tests;

[Collection(BotCollection.Name)]
public sealed class CommandTests(BotFixture bot)
{
    [Fact]
    public async Task Start_registers_the_player_and_shows_the_menu_with_the_mini_app_button()
    {
        var user = BotFixture.NewUserId();

        var reply = await bot.Say(user, "/start");

        var player = await bot.Grains.GetGrain<IPlayerGrain>(user).Get();
        Assert.Contains("Welcome", reply.Text, StringComparison.Ordinal);
        Assert.Contains(player.Balance.ToString(System.Globalization.CultureInfo.InvariantCulture), reply.Text, StringComparison.Ordinal);
        Assert.Contains("l", reply.CallbackData);
        Assert.Contains("wa", reply.CallbackData);
        Assert.Equal("https://app.example/", reply.Json["reply_markup"]!["inline_keyboard"]!.AsArray().SelectMany(row => row!.AsArray()).Select(b => b!["web_app"]?["url"]?.GetValue<string>()).OfType<string>().Single());
    }

    [Fact]
    public async Task Start_with_a_table_link_shows_the_table_with_a_join_button()
    {
        var table = await bot.NewTable("Deep link table");
        var user = BotFixture.NewUserId();

        var reply = await bot.Say(user, $"/start t_{table.GetPrimaryKeyString()}");

        Assert.Contains("Deep link table", reply.Text, StringComparison.Ordinal);
        Assert.Equal([$"j:{table.GetPrimaryKeyString()}"], reply.CallbackData);
    }

    [Fact]
    public async Task Lobby_lists_tables_with_join_buttons()
    {
        var table = await bot.NewTable("Lobby table");
        var user = BotFixture.NewUserId();

        var (_, reply) = await bot.FindInLobby(user, "Lobby table");

        Assert.Contains("Lobby table", reply.Text, StringComparison.Ordinal);
        Assert.Contains($"j:{table.GetPrimaryKeyString()}", reply.CallbackData);
    }

    [Fact]
    public async Task Join_button_seats_the_player_and_table_shows_it_with_a_leave_button()
    {
        var table = await bot.NewTable();
        var tableId = table.GetPrimaryKeyString();
        var user = BotFixture.NewUserId();

        var answer = await bot.Press(user, $"j:{tableId}");
        var mine = await bot.Say(user, "/table");

        var seated = await bot.Api.WaitFor(r => r.ChatId == user && r.Text.Contains("You sit at", StringComparison.Ordinal));
        Assert.Equal("Done", answer.Json["text"]?.GetValue<string>());
        Assert.Contains("100 chips", seated.Text, StringComparison.Ordinal);
        Assert.Contains($"lv:{tableId}", mine.CallbackData);
        Assert.Contains(user, (await table.GetSnapshot(null)).View.Seats.Select(s => s.PlayerId ?? 0));
    }

    [Fact]
    public async Task Leave_button_cashes_out()
    {
        var table = await bot.NewTable();
        var tableId = table.GetPrimaryKeyString();
        var user = BotFixture.NewUserId();
        await bot.Press(user, $"j:{tableId}");
        var after = bot.Api.LastIndex;

        await bot.Press(user, $"lv:{tableId}");

        var left = await bot.Api.WaitFor(r => r.ChatId == user && r.Text.Contains("You left", StringComparison.Ordinal), after);
        Assert.Contains("100 chips", left.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(user, (await table.GetSnapshot(null)).View.Seats.Select(s => s.PlayerId ?? 0));
    }

    [Fact]
    public async Task Profile_stats_wallet_invite_and_help_answer()
    {
        var user = BotFixture.NewUserId();

        var profile = await bot.Say(user, "/profile");
        var stats = await bot.Say(user, "/stats");
        var wallet = await bot.Say(user, "/wallet");
        var invite = await bot.Say(user, "/invite");
        var help = await bot.Say(user, "/help");
        var menu = await bot.Say(user, "/menu");

        Assert.Contains("Balance:", profile.Text, StringComparison.Ordinal);
        Assert.Contains("Language: English", profile.Text, StringComparison.Ordinal);
        Assert.Contains("Hands played: 0", stats.Text, StringComparison.Ordinal);
        Assert.Contains("welcome chips", wallet.Text, StringComparison.Ordinal);
        Assert.Equal(["tu"], wallet.CallbackData);
        Assert.Contains($"https://t.me/test_poker_bot?start=r_{user}", invite.Text, StringComparison.Ordinal);
        Assert.Contains("/startgroup", help.Text, StringComparison.Ordinal);
        Assert.Contains("lg", menu.CallbackData);
    }

    [Fact]
    public async Task Language_button_switches_replies_to_Persian()
    {
        var user = BotFixture.NewUserId();
        var choose = await bot.Say(user, "/language");
        var after = bot.Api.LastIndex;

        await bot.Press(user, "lg:fa");
        var confirmed = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == user, after);
        var help = await bot.Say(user, "/help");

        Assert.Equal(["lg:en", "lg:fa"], choose.CallbackData);
        Assert.Equal("زبان فارسی انتخاب شد.", confirmed.Text);
        Assert.StartsWith("دستورها", help.Text, StringComparison.Ordinal);
        Assert.Equal("fa", (await bot.Grains.GetGrain<IPlayerGrain>(user).Get()).Profile.Language);
    }

    [Fact]
    public async Task A_Persian_player_gets_Persian_replies_and_buttons()
    {
        var user = BotFixture.NewUserId();

        var reply = await bot.Say(user, "/start", language: "fa");

        Assert.Contains("خوش آمدید", reply.Text, StringComparison.Ordinal);
        Assert.Contains("🃏 لابی", reply.ButtonTexts);
    }

    [Fact]
    public void Every_text_has_a_Persian_version()
    {
        Assert.Empty(Texts.BotTexts.MissingPersian());
    }

    [Fact]
    public async Task Admin_is_refused_to_players_and_lists_and_closes_tables_for_admins()
    {
        var table = await bot.NewTable("Admin table");
        var tableId = table.GetPrimaryKeyString();
        var user = BotFixture.NewUserId();

        var refused = await bot.Say(user, "/admin");
        var listed = await bot.Say(BotFixture.AdminId, "/admin");
        await bot.Press(BotFixture.AdminId, $"ac:{tableId}");

        Assert.Contains("admins only", refused.Text, StringComparison.Ordinal);
        Assert.Contains(tableId, listed.Text, StringComparison.Ordinal);
        Assert.Contains($"ac:{tableId}", listed.CallbackData);
        Assert.Equal(TableStatus.Ended, (await table.GetSummary()).Status);
    }

    [Fact]
    public async Task Unknown_text_in_a_private_chat_points_to_help()
    {
        var user = BotFixture.NewUserId();

        var reply = await bot.Say(user, "hello?");

        Assert.Contains("/help", reply.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Full_table_offers_the_waitlist_and_a_freed_seat_is_offered_in_the_chat()
    {
        var table = await bot.NewTable("Full table");
        var tableId = table.GetPrimaryKeyString();
        var seated = await Fill(table, 6);

        var user = BotFixture.NewUserId();
        var card = await bot.Say(user, $"/start t_{tableId}");
        var after = bot.Api.LastIndex;
        await bot.Press(user, $"w:{tableId}");
        var queued = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == user, after);
        // An older Join button pressed meanwhile is refused (the table is full) and keeps the player's place in the queue.
        await bot.Press(user, $"j:{tableId}");
        var refused = (await table.GetSnapshot(null)).View.Seats.All(s => s.PlayerId != user);

        await table.Leave(seated[0]);

        var offer = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == user && r.Text.Contains("held for you", StringComparison.Ordinal), after);
        Assert.True(refused);
        Assert.Equal([$"w:{tableId}"], card.CallbackData);
        Assert.Contains("number 1", queued.Text, StringComparison.Ordinal);
        Assert.Equal([$"j:{tableId}"], offer.CallbackData);
    }

    [Fact]
    public async Task The_waitlist_button_of_a_full_private_table_is_refused_and_queues_nobody()
    {
        var templateId = $"bot-prv-{Guid.NewGuid():N}"[..20];
        await bot.Grains.GetGrain<ITemplateGrain>(templateId).Create(TestTemplates.Holdem("Private NLHE", TimeSpan.FromSeconds(2)) with { MaxPlayers = 2, IsPrivate = true });
        var table = await bot.NewTable("Full private table", templateId);
        var tableId = table.GetPrimaryKeyString();
        await Fill(table, 2, await table.GetInviteCode(1));

        var user = BotFixture.NewUserId();
        var card = await bot.Say(user, $"/start t_{tableId}");
        var answer = await bot.Press(user, $"w:{tableId}");

        Assert.Equal([$"w:{tableId}"], card.CallbackData);
        Assert.Contains("not allowed", answer.Json["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(await bot.Grains.GetGrain<IWaitlistGrain>(tableId).GetPosition(user));
        Assert.Equal(0, (await table.GetSummary()).WaitlistLength);
    }

    [Fact]
    public async Task A_group_waitlist_button_pressed_by_someone_the_bot_cannot_write_to_gets_a_deep_link_and_queues_nobody()
    {
        var templateId = $"bot-two-{Guid.NewGuid():N}"[..20];
        await bot.Grains.GetGrain<ITemplateGrain>(templateId).Create(TestTemplates.Holdem("Two-max NLHE", TimeSpan.FromSeconds(2)) with { MaxPlayers = 2 });
        var table = await bot.NewTable("Full group table", templateId);
        var tableId = table.GetPrimaryKeyString();
        await Fill(table, 2);
        const long group = -1_004_440_077;

        // The seat held for them would be offered in a private chat the bot cannot write to: they start the bot first.
        var stranger = BotFixture.NewUserId();
        var answer = await bot.Press(stranger, $"w:{tableId}", group);

        Assert.EndsWith($"?start=t_{tableId}", answer.Json["url"]?.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(await bot.Grains.GetGrain<IWaitlistGrain>(tableId).GetPosition(stranger));
        Assert.Equal(0, (await table.GetSummary()).WaitlistLength);
    }

    [Fact]
    public async Task An_invite_link_to_a_full_private_table_queues_the_player_and_the_seat_held_for_them_is_taken_with_its_button()
    {
        var templateId = $"bot-prv-{Guid.NewGuid():N}"[..20];
        await bot.Grains.GetGrain<ITemplateGrain>(templateId).Create(TestTemplates.Holdem("Private NLHE", TimeSpan.FromSeconds(2)) with { MaxPlayers = 2, IsPrivate = true, SeatHoldTime = TimeSpan.FromSeconds(60) });
        var table = await bot.NewTable("Full private invite", templateId);
        var tableId = table.GetPrimaryKeyString();
        var code = await table.GetInviteCode(1);
        var seated = await Fill(table, 2, code);

        var user = BotFixture.NewUserId();
        var queued = await bot.Say(user, $"/start {new StartPayload.Invite(tableId, code).Format()}");
        var position = await bot.Grains.GetGrain<IWaitlistGrain>(tableId).GetPosition(user);
        await table.Leave(seated[0]);
        var offer = await bot.Api.WaitFor(r => r.ChatId == user && r.CallbackData.Contains($"j:{tableId}"));
        await bot.Press(user, $"j:{tableId}");

        Assert.Contains("number 1 on the waitlist", queued.Text, StringComparison.Ordinal);
        Assert.Equal(1, position);
        Assert.NotNull(offer);
        Assert.Contains((await table.GetSnapshot(null)).View.Seats, s => s.PlayerId == user);
    }

    [Fact]
    public async Task A_full_room_table_offers_any_table_of_its_template_and_a_seat_freed_there_is_offered_in_the_chat()
    {
        var templateId = $"bot-any-{Guid.NewGuid():N}"[..20];
        await bot.Grains.GetGrain<ITemplateGrain>(templateId).Create(TestTemplates.Holdem("Any NLHE", TimeSpan.FromSeconds(2)) with { MaxPlayers = 2 });
        var table = bot.Grains.GetGrain<ITableGrain>($"{templateId}-1");
        await table.Create(new TableCreation(templateId, CreatedBy: 0));
        var tableId = table.GetPrimaryKeyString();
        var seated = await Fill(table, 2);

        var user = BotFixture.NewUserId();
        var card = await bot.Say(user, $"/start t_{tableId}");
        var after = bot.Api.LastIndex;
        await bot.Press(user, $"y:{templateId}");
        var queued = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == user, after);

        await table.Leave(seated[0]);

        var offer = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == user && r.Text.Contains("Tap to sit", StringComparison.Ordinal), after);
        Assert.Equal([$"w:{tableId}", $"y:{templateId}"], card.CallbackData);
        Assert.Contains("number 1 on the waitlist for any table of Any NLHE", queued.Text, StringComparison.Ordinal);
        Assert.Equal([$"j:{tableId}"], offer.CallbackData);
    }

    [Fact]
    public async Task Any_table_pressed_in_a_group_with_a_seat_free_seats_the_player_after_one_check_that_the_bot_can_write_to_them()
    {
        var templateId = $"bot-ag-{Guid.NewGuid():N}"[..20];
        await bot.Grains.GetGrain<ITemplateGrain>(templateId).Create(TestTemplates.Holdem("Any group NLHE", TimeSpan.FromSeconds(2)) with { MaxPlayers = 3 });
        var table = bot.Grains.GetGrain<ITableGrain>($"{templateId}-1");
        await table.Create(new TableCreation(templateId, CreatedBy: 0));
        await Fill(table, 2);
        const long group = -1_004_440_078;

        var user = BotFixture.NewUserId();
        bot.Api.Opened(user);
        var after = bot.Api.LastIndex;
        await bot.Press(user, $"y:{templateId}", group);

        Assert.Contains((await table.GetSnapshot(null)).View.Seats, s => s.PlayerId == user);
        Assert.Single(bot.Api.Requests, r => r.Index > after && r.Method == "sendChatAction" && r.ChatId == user);
    }

    /// <summary>Seats <paramref name="count"/> registered players in seats 0.. of <paramref name="table"/>; their ids in seat order.</summary>
    private async Task<List<long>> Fill(ITableGrain table, int count, string? inviteCode = null)
    {
        var seated = new List<long>();
        for (var i = 0; i < count; i++)
        {
            var id = BotFixture.NewUserId();
            await bot.Grains.GetGrain<IPlayerGrain>(id).Register(new PlayerProfile { PlayerId = id, TelegramId = id, DisplayName = $"Seat{i}" });
            await table.Sit(new SeatRequest(id, $"Seat{i}", 100, i, inviteCode));
            seated.Add(id);
        }

        return seated;
    }
}
