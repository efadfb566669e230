using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Poker.BotFrontend.Sending;
using Orleans.Poker.BotFrontend.Telegram;
using Orleans.Poker.Grains.Interfaces.Bot;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Players;

namespace Orleans.Poker.BotFrontend.Tests;

[Collection(BotCollection.Name)]
public sealed class WebhookTests(BotFixture bot)
{
    [Fact]
    public async Task Startup_sets_the_webhook_with_its_secret_and_registers_commands_in_both_languages()
    {
        var webhook = await bot.Api.WaitFor(r => r.Method == "setWebhook");
        var english = await bot.Api.WaitFor(r => r.Method == "setMyCommands" && r.Json["language_code"] is null);
        var persian = await bot.Api.WaitFor(r => r.Method == "setMyCommands" && r.Json["language_code"]?.GetValue<string>() == "fa");

        Assert.Equal(bot.Options.Bot.WebhookUrl, webhook.Json["url"]?.GetValue<string>());
        Assert.Equal(BotFixture.Secret, webhook.Json["secret_token"]?.GetValue<string>());
        Assert.Contains("\"lobby\"", english.Body, StringComparison.Ordinal);
        Assert.Contains("میزهای باز", persian.Json["commands"]!.ToJsonString(new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_without_or_with_a_wrong_secret_is_refused_and_not_processed()
    {
        var user = BotFixture.NewUserId();
        var update = BotFixture.Message(user, "/help");

        var missing = await bot.Post(update, secret: null);
        var wrong = await bot.Post(update, secret: "not-the-secret");
        // The same update id is still new: the refused posts did not reach the dedupe set or the handler.
        var after = bot.Api.LastIndex;
        var accepted = await bot.Post(update);
        var reply = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == user, after);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("/lobby", reply.Text, StringComparison.Ordinal);
        Assert.Single(bot.Api.To(user), r => r.Method == "sendMessage");
    }

    [Fact]
    public async Task A_body_that_is_no_update_is_a_bad_request()
    {
        using var content = new StringContent("[1,2", System.Text.Encoding.UTF8, "application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, BotHosting.WebhookPath) { Content = content };
        request.Headers.Add(Telegram.WebhookSecret.Header, BotFixture.Secret);

        var response = await bot.Webhook.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_redelivered_update_id_is_processed_once()
    {
        var user = BotFixture.NewUserId();
        var first = BotFixture.Message(user, "/help");

        await bot.Post(first);
        await bot.Post(first);
        // A later update of the same chat is handled after the first (one queue per chat): once its reply is
        // there, a second reply to the duplicate would be too.
        await bot.Post(BotFixture.Message(user, "/profile"));
        await bot.Api.WaitFor(r => r.ChatId == user && r.Text.Contains("👤", StringComparison.Ordinal));

        var replies = bot.Api.To(user).Where(r => r.Method == "sendMessage").ToList();
        Assert.Equal(2, replies.Count);
        Assert.Contains("/lobby", replies[0].Text, StringComparison.Ordinal);
        Assert.Contains("👤", replies[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_bot_processes_given_the_same_update_process_it_once()
    {
        var second = await bot.StartBot(bot.Options);
        try
        {
            using var secondWebhook = second.GetTestServer().CreateClient();
            var user = BotFixture.NewUserId();
            var update = BotFixture.Message(user, "/help");
            var firstProcessor = bot.Bot.Services.GetRequiredService<UpdateProcessor>();
            var secondProcessor = second.Services.GetRequiredService<UpdateProcessor>();
            var acceptedBefore = firstProcessor.Accepted + secondProcessor.Accepted;

            var answers = await Task.WhenAll(bot.Post(update), bot.Post(update, webhook: secondWebhook), bot.Post(update, webhook: secondWebhook));

            // A delivery that meets a claim not yet confirmed is answered 503 ("in progress"): Telegram delivers it
            // again later, and then it is a duplicate.
            Assert.All(answers, answer => Assert.Contains(answer.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.ServiceUnavailable }));
            Assert.Contains(answers, answer => answer.StatusCode == HttpStatusCode.OK);
            foreach (var retried in answers.Where(a => a.StatusCode == HttpStatusCode.ServiceUnavailable))
            {
                Assert.Equal(HttpStatusCode.OK, (await bot.Post(update, webhook: secondWebhook)).StatusCode);
            }

            await bot.Queues.Idle(user);
            await second.Services.GetRequiredService<ChatQueues>().Idle(user);

            // The answer leaves through the outbox of whichever process handled the update.
            await bot.Outbox.Idle(user);
            await second.Services.GetRequiredService<Outbox>().Idle(user);

            Assert.Equal(1, firstProcessor.Accepted + secondProcessor.Accepted - acceptedBefore);
            Assert.Single(bot.Api.To(user), r => r.Method == "sendMessage");
        }
        finally
        {
            await second.StopAsync();
            await second.DisposeAsync();
        }
    }

    [Fact]
    public async Task The_update_grain_claims_an_id_once_and_keeps_a_bounded_window()
    {
        const long botId = 990_001;
        var window = IBotUpdateGrain.RangeSize * IBotUpdateGrain.Slots;
        IBotUpdateGrain Slot(int updateId) => bot.Grains.GetGrain<IBotUpdateGrain>(IBotUpdateGrain.KeyOf(botId, updateId));

        var first = await Slot(7).TryBegin(7);
        var again = await Slot(7).TryBegin(7);
        var neighbour = await Slot(8).TryBegin(8);
        var nextLap = await Slot(7 + window).TryBegin(7 + window);
        var beyondWindow = await Slot(8).TryBegin(8);
        var wrongSlot = await Assert.ThrowsAsync<PokerException>(() => Slot(7).TryBegin(7 + IBotUpdateGrain.RangeSize));

        Assert.Equal(UpdateClaim.Claimed, first);
        Assert.Equal(UpdateClaim.InProgress, again);
        Assert.Equal(UpdateClaim.Claimed, neighbour);
        Assert.Equal(UpdateClaim.Claimed, nextLap);
        Assert.Equal(UpdateClaim.Duplicate, beyondWindow);
        Assert.Equal("invalid_update", wrongSlot.Code);
        Assert.Equal(IBotUpdateGrain.KeyOf(botId, 7), IBotUpdateGrain.KeyOf(botId, 7 + window));
        Assert.NotEqual(IBotUpdateGrain.KeyOf(botId, 7), IBotUpdateGrain.KeyOf(botId + 1, 7));
    }

    [Fact]
    public async Task A_confirmed_claim_is_a_duplicate_and_an_unconfirmed_one_is_claimed_again_after_the_lease()
    {
        const long botId = 990_002;
        IBotUpdateGrain Slot(int updateId) => bot.Grains.GetGrain<IBotUpdateGrain>(IBotUpdateGrain.KeyOf(botId, updateId));

        // Confirmed: every later delivery is a duplicate, however late.
        Assert.Equal(UpdateClaim.Claimed, await Slot(21).TryBegin(21));
        await Slot(21).Confirm(21);
        Assert.Equal(UpdateClaim.Duplicate, await Slot(21).TryBegin(21));

        // Claimed, but the answer never reached the claimer (no confirmation): in progress during the lease, then the
        // redelivery is claimed again instead of being dropped.
        Assert.Equal(UpdateClaim.Claimed, await Slot(22).TryBegin(22));
        Assert.Equal(UpdateClaim.InProgress, await Slot(22).TryBegin(22));
        bot.Time.Advance(IBotUpdateGrain.ConfirmLease + TimeSpan.FromSeconds(1));
        Assert.Equal(UpdateClaim.Claimed, await Slot(22).TryBegin(22));
        await Slot(22).Confirm(22);
        Assert.Equal(UpdateClaim.Duplicate, await Slot(22).TryBegin(22));
        await Assert.ThrowsAsync<PokerException>(() => Slot(22).Confirm(22 + IBotUpdateGrain.RangeSize));
    }

    [Fact]
    public async Task Throttled_call_waits_retry_after_and_other_chats_are_not_blocked()
    {
        var slow = BotFixture.NewUserId();
        var other = BotFixture.NewUserId();
        bot.Api.FailNext("sendMessage", 429, retryAfter: 1);
        var after = bot.Api.LastIndex;

        await bot.Post(BotFixture.Message(slow, "/help"));
        var refused = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == slow && !r.Accepted, after);
        var otherReply = await bot.Say(other, "/help");
        var retried = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == slow && r.Accepted, after);

        Assert.True(otherReply.Index < retried.Index, "the other chat was answered while the throttled one waited");
        Assert.True(retried.At - refused.At >= TimeSpan.FromMilliseconds(950), $"retried after {(retried.At - refused.At).TotalMilliseconds} ms");
        Assert.Equal(retried.Text, refused.Text);
    }

    [Fact]
    public async Task Blocked_bot_marks_the_player_unreachable()
    {
        var user = BotFixture.NewUserId();
        await bot.Say(user, "/help");
        bot.Api.FailChat(user, 403);
        var after = bot.Api.LastIndex;

        await bot.Post(BotFixture.Message(user, "/help"));
        await bot.Api.WaitFor(r => r.ChatId == user && r.Status == 403, after);
        await bot.Queues.Idle(user);
        await bot.Outbox.Idle(user);
        var profile = await bot.Grains.GetGrain<IPlayerGrain>(user).Get();

        Assert.True(profile.Profile.Unreachable);
    }

    [Fact]
    public async Task A_network_error_is_retried()
    {
        var user = BotFixture.NewUserId();
        bot.Api.DropNext("sendMessage");
        var after = bot.Api.LastIndex;

        await bot.Post(BotFixture.Message(user, "/help"));
        var delivered = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == user && r.Accepted, after);

        var attempts = bot.Api.To(user).Where(r => r.Method == "sendMessage").ToList();
        Assert.Equal(2, attempts.Count);
        Assert.False(attempts[0].Accepted);
        Assert.Equal(delivered.Text, attempts[0].Text);
    }

    [Fact]
    public async Task Long_polling_deletes_the_webhook_and_handles_polled_updates()
    {
        var options = new ServiceDefaults.Configuration.PokerOptions
        {
            Bot = new ServiceDefaults.Configuration.BotSettings { Token = "654321:POLLING", UseLongPolling = true, ApiBaseUrl = bot.Api.BaseUrl },
        };
        var user = BotFixture.NewUserId();
        var after = bot.Api.LastIndex;
        bot.Api.QueueUpdate(BotFixture.Message(user, "/help"));

        var polling = await bot.StartBot(options);
        try
        {
            var deleted = await bot.Api.WaitFor(r => r.Method == "deleteWebhook", after);
            var reply = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == user, after);

            Assert.Contains("/lobby", reply.Text, StringComparison.Ordinal);
            Assert.True(deleted.Index < reply.Index);
            Assert.DoesNotContain(bot.Api.Requests, r => r.Index > after && r.Method == "setWebhook");
        }
        finally
        {
            await polling.StopAsync();
            await polling.DisposeAsync();
        }
    }
}
