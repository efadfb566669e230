using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Poker.BotFrontend.Telegram;
using Orleans.Poker.BotFrontend.Texts;

namespace Orleans.Poker.BotFrontend.Tests;

/// <summary>
/// A standalone bot process (its own cluster client) loses its silo behind a <see cref="LoopbackProxy"/>: the webhook
/// cannot record an update's claim, answers 503 and processes nothing; Telegram's redelivery after the network is back
/// is processed once. An update claimed before the cut is answered with a polite "try again", logged as a warning.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class OutageTests(BotFixture bot)
{
    [Fact]
    public async Task An_update_the_cluster_cannot_record_answers_503_is_not_processed_and_its_redelivery_is_processed_once()
    {
        await using var silo = await EmbeddedSilo.Start();
        await using var proxy = new LoopbackProxy(silo.GatewayListening, silo.Cluster.GatewayPort);
        var host = await BotFixture.StartStandaloneBot(bot.OtherBot("555001:OUTAGE", bot.Api), silo.Cluster, proxy.Port);
        try
        {
            using var webhook = host.GetTestServer().CreateClient();
            var processor = host.Services.GetRequiredService<UpdateProcessor>();
            var queues = host.Services.GetRequiredService<ChatQueues>();
            var user = await Helped(webhook, queues);
            var after = bot.Api.LastIndex;
            var (accepted, replies) = (processor.Accepted, bot.Api.To(user).Count);

            proxy.Cut();
            var update = BotFixture.Message(user, "/profile");
            var refused = await bot.Post(update, webhook: webhook);
            var problem = await refused.Content.ReadAsStringAsync();
            await queues.Idle(user);
            var (acceptedInOutage, repliesInOutage) = (processor.Accepted, bot.Api.To(user).Count);

            proxy.Restore();
            // Telegram delivers the update again until it gets a success.
            var redelivered = await bot.Post(update, webhook: webhook);
            for (var deadline = DateTimeOffset.UtcNow.AddSeconds(30); redelivered.StatusCode == HttpStatusCode.ServiceUnavailable && DateTimeOffset.UtcNow < deadline;)
            {
                redelivered = await bot.Post(update, webhook: webhook);
            }

            var profile = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == user && r.Text.Contains("👤", StringComparison.Ordinal), after);
            var again = await bot.Post(update, webhook: webhook);
            await queues.Idle(user);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.Contains("deliver it again", problem, StringComparison.Ordinal);
            Assert.Equal((accepted, replies), (acceptedInOutage, repliesInOutage));
            Assert.Equal(HttpStatusCode.OK, redelivered.StatusCode);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            Assert.Equal(accepted + 1, processor.Accepted);
            Assert.Single(bot.Api.To(user), r => r.Text.Contains("👤", StringComparison.Ordinal));
            Assert.True(proxy.Connections >= 2, "the client reconnected through the proxy");
        }
        finally
        {
            await BotFixture.Stop(host);
        }
    }

    [Fact]
    public async Task An_update_claimed_before_the_cluster_went_away_is_answered_with_a_polite_try_again_and_no_error()
    {
        await using var silo = await EmbeddedSilo.Start();
        await using var proxy = new LoopbackProxy(silo.GatewayListening, silo.Cluster.GatewayPort);
        using var logs = new LogCapture();
        var lost = new ConnectionLost();
        var host = await BotFixture.StartStandaloneBot(bot.OtherBot("555002:OUTAGE", bot.Api), silo.Cluster, proxy.Port, builder =>
        {
            builder.Logging.AddProvider(logs);
            builder.Services.AddSingleton<IClusterConnectionStatusObserver>(lost);
        });
        try
        {
            using var webhook = host.GetTestServer().CreateClient();
            var queues = host.Services.GetRequiredService<ChatQueues>();
            var user = await Helped(webhook, queues);

            // The chat's queue holds the two updates (claimed, answered 200) until the cluster is cut; then they are handled.
            var held = new TaskCompletionSource();
            queues.Enqueue(user, () => held.Task);
            var after = bot.Api.LastIndex;
            (await bot.Post(BotFixture.Message(user, "/profile"), webhook: webhook)).EnsureSuccessStatusCode();
            (await bot.Post(BotFixture.Callback(user, "m:profile", language: "fa"), webhook: webhook)).EnsureSuccessStatusCode();
            // (Once the client knows: a call sent on the connection as it is cut waits for Orleans' response timeout, 30 s.)
            proxy.Cut();
            await lost.Happened.Task.WaitAsync(TimeSpan.FromSeconds(30));
            held.SetResult();
            var reply = await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == user, after);
            var answer = await bot.Api.WaitFor(r => r.Method == "answerCallbackQuery", after);
            await queues.Idle(user);
            proxy.Restore();

            Assert.Equal(BotTexts.Get("en", "unavailable"), reply.Text);
            Assert.Equal(BotTexts.Get("fa", "unavailable"), answer.Json["text"]?.GetValue<string>());
            Assert.True(answer.Json["show_alert"]?.GetValue<bool>());
            Assert.Empty(logs.Entries.Where(e => e.Level >= LogLevel.Error).Select(e => $"{e.Category}: {e.Message}"));
            Assert.Equal(2, logs.Entries.Count(e => e.Level == LogLevel.Warning && e.Template.Contains("the game servers did not answer", StringComparison.Ordinal)));
        }
        finally
        {
            await BotFixture.Stop(host);
        }
    }

    /// <summary>A new player's <c>/help</c>, answered while the cluster is there; their id.</summary>
    private async Task<long> Helped(HttpClient webhook, ChatQueues queues)
    {
        var user = BotFixture.NewUserId();
        var after = bot.Api.LastIndex;
        (await bot.Post(BotFixture.Message(user, "/help"), webhook: webhook)).EnsureSuccessStatusCode();
        await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == user, after);
        await queues.Idle(user);
        return user;
    }

    /// <summary>Tells when the cluster client has lost its last gateway connection.</summary>
    private sealed class ConnectionLost : IClusterConnectionStatusObserver
    {
        public TaskCompletionSource Happened { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void NotifyClusterConnectionLost() => Happened.TrySetResult();

        public void NotifyGatewayCountChanged(int currentNumberOfGateways, int previousNumberOfGateways, bool connectionRecovered)
        {
        }
    }
}
