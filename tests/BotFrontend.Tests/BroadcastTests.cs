using Microsoft.Extensions.DependencyInjection;
using Orleans.Poker.Grains.Interfaces.Admin;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.BotFrontend.Tests;

/// <summary>An admin's broadcast from the chat: a confirmed draft goes to every player who started the bot, through Telegram's refusals.</summary>
[Collection(BotCollection.Name)]
public sealed class BroadcastTests(BotFixture bot)
{
    [Fact]
    public async Task A_broadcast_reaches_the_started_players_only_survives_a_429_skips_a_403_and_reports_progress()
    {
        // Recipients go by player id: the throttled player's id is below every other test's, so theirs is the first
        // message, sent while the throttle lasts.
        var throttled = 1_000L + Random.Shared.Next(1_000);
        var (started, blocked, appOnly) = (BotFixture.NewUserId(), BotFixture.NewUserId(), BotFixture.NewUserId());
        await bot.Say(started, "/start");
        await bot.Say(throttled, "/start");
        await bot.Say(blocked, "/start");
        await bot.Grains.GetGrain<IPlayerGrain>(appOnly).Register(new PlayerProfile { PlayerId = appOnly, TelegramId = appOnly, DisplayName = "Mini-app only" });
        bot.Api.FailChat(blocked, 403);
        var store = bot.Cluster.Silos[0].ServiceProvider.GetRequiredService<IPlayerStore>();
        const string Text = "Freeroll tonight at 20:00!\nBring friends.";

        var draft = await bot.Say(BotFixture.AdminId, "/admin broadcast " + Text);
        var recipients = await store.MessageableAsync(null, int.MaxValue);
        var press = BotFixture.Callback(BotFixture.AdminId, "bc", messageId: draft.SentMessageId ?? 1);
        press["callback_query"]!["message"]!["text"] = draft.Text;
        var before = bot.Api.LastIndex;
        bot.Api.ThrottleChat(throttled, TimeSpan.FromSeconds(3));
        (await bot.Post(press)).EnsureSuccessStatusCode();
        var done = await BoundedWait.Until(bot.Grains.GetGrain<IBroadcastGrain>(IBroadcastGrain.Key).Get, b => b?.Status == BroadcastStatus.Done, "finished broadcast", TimeSpan.FromSeconds(60));
        var progress = await bot.Say(BotFixture.AdminId, "/admin broadcast");
        var delivered = bot.Api.Requests.Where(r => r.Index > before && r.Method == "sendMessage" && r.Text == Text).ToList();

        Assert.EndsWith("\n\n" + Text, draft.Text, StringComparison.Ordinal);
        Assert.Contains("bc", draft.CallbackData);
        Assert.Single(delivered, r => r.ChatId == started && r.Accepted);
        Assert.Contains(delivered, r => r.ChatId == throttled && r.Status == 429);
        Assert.Single(delivered, r => r.ChatId == throttled && r.Accepted);
        Assert.Single(delivered, r => r.ChatId == blocked && r.Status == 403);
        Assert.DoesNotContain(delivered, r => r.ChatId == appOnly);
        Assert.Contains(recipients, p => p.PlayerId == started);
        Assert.DoesNotContain(recipients, p => p.PlayerId == appOnly);
        Assert.Equal(recipients.Count, done!.Sent + done.Skipped + done.Failed);
        Assert.True(done.Skipped >= 1, $"skipped {done.Skipped}");
        Assert.Equal(recipients[^1].PlayerId, done.Cursor);
        Assert.True((await bot.Grains.GetGrain<IPlayerGrain>(blocked).Get()).Profile.Unreachable);
        Assert.Contains($"Sent {done.Sent} · skipped {done.Skipped} (unreachable) · failed {done.Failed}", progress.Text, StringComparison.Ordinal);
        Assert.StartsWith("📣 Broadcast done", progress.Text, StringComparison.Ordinal);
    }
}
