using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Poker.BotFrontend.Telegram;

namespace Orleans.Poker.BotFrontend.Tests;

/// <summary>
/// A standalone bot process (its own cluster client) loses its silo behind a <see cref="LoopbackProxy"/>: the webhook
/// cannot record an update's claim, answers 503 and processes nothing; Telegram's redelivery after the network is back
/// is processed once.
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
            var user = BotFixture.NewUserId();
            var after = bot.Api.LastIndex;
            (await bot.Post(BotFixture.Message(user, "/help"), webhook: webhook)).EnsureSuccessStatusCode();
            await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == user, after);
            await queues.Idle(user);
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
}
