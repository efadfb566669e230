using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.TestHost;

namespace Orleans.Poker.BotFrontend.Tests;

/// <summary>
/// Alertmanager's webhook receiver in the bot: only with the shared secret and a valid notification does a message reach
/// the alert chat (against the fake Bot API); resolved alerts say so; a burst beyond the per-minute limit is refused 429.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class AlertReceiverTests(BotFixture bot)
{
    private const string Secret = "alert-webhook-secret-0123456789";
    private const long AlertChat = -100_777_000_123;

    private const string Firing = """
        {"version":"4","status":"firing","receiver":"telegram","groupKey":"{}:{alertname=\"PokerProcessDown\"}",
         "alerts":[{"status":"firing","labels":{"alertname":"PokerProcessDown","severity":"critical","instance":"silo-a:9464"},
                    "annotations":{"summary":"poker-silo silo-a:9464 is down","description":"Prometheus has not scraped silo-a:9464 for a minute."},
                    "startsAt":"2026-12-02T08:00:00Z"}]}
        """;

    [Fact]
    public async Task A_firing_and_then_resolved_notification_reach_the_alert_chat()
    {
        await using var api = await FakeBotApi.Start();
        var host = await Bot(api, perMinute: 20);
        try
        {
            using var http = host.GetTestServer().CreateClient();
            var firing = await Post(http, Firing, Secret);
            var alerted = await api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == AlertChat);
            var resolved = await Post(http, Firing.Replace("\"firing\"", "\"resolved\"", StringComparison.Ordinal), Secret);
            var cleared = await api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == AlertChat, alerted.Index);

            Assert.Equal(HttpStatusCode.OK, firing.StatusCode);
            Assert.Equal(HttpStatusCode.OK, resolved.StatusCode);
            Assert.StartsWith("🔥 FIRING", alerted.Text, StringComparison.Ordinal);
            Assert.Contains("PokerProcessDown [critical]", alerted.Text, StringComparison.Ordinal);
            Assert.Contains("poker-silo silo-a:9464 is down", alerted.Text, StringComparison.Ordinal);
            Assert.StartsWith("✅ RESOLVED", cleared.Text, StringComparison.Ordinal);
        }
        finally
        {
            await BotFixture.Stop(host);
        }
    }

    [Fact]
    public async Task Missing_or_wrong_secrets_and_malformed_bodies_are_refused_and_send_nothing()
    {
        await using var api = await FakeBotApi.Start();
        var host = await Bot(api, perMinute: 20);
        try
        {
            using var http = host.GetTestServer().CreateClient();
            var before = api.LastIndex;
            var statuses = new[]
            {
                (await Post(http, Firing, secret: null)).StatusCode,
                (await Post(http, Firing, "not-the-secret")).StatusCode,
                (await Post(http, "{ not json", Secret)).StatusCode,
                (await Post(http, """{"version":"3","status":"firing","alerts":[]}""", Secret)).StatusCode,
                (await Post(http, """{"version":"4","status":"firing","alerts":[{"labels":{}}]}""", Secret)).StatusCode,
                (await Post(http, """{"version":"4","status":"sleeping","alerts":[{"labels":{"alertname":"X"}}]}""", Secret)).StatusCode,
            };

            Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest,
                HttpStatusCode.BadRequest, HttpStatusCode.BadRequest], statuses);
            Assert.DoesNotContain(api.Requests, r => r.Index > before && r.Method == "sendMessage");
        }
        finally
        {
            await BotFixture.Stop(host);
        }
    }

    [Fact]
    public async Task A_burst_beyond_the_limit_is_refused_with_429_for_alertmanager_to_retry()
    {
        await using var api = await FakeBotApi.Start();
        var host = await Bot(api, perMinute: 2);
        try
        {
            using var http = host.GetTestServer().CreateClient();
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 2; i++)
            {
                statuses.Add((await Post(http, Firing, Secret)).StatusCode);
            }

            var third = await Post(http, Firing, Secret);
            statuses.Add(third.StatusCode);

            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
            Assert.Equal("60", third.Headers.RetryAfter?.Delta?.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal(2, api.Requests.Count(r => r.Method == "sendMessage" && r.ChatId == AlertChat));
        }
        finally
        {
            await BotFixture.Stop(host);
        }
    }

    private Task<Microsoft.AspNetCore.Builder.WebApplication> Bot(FakeBotApi api, int perMinute)
    {
        var options = bot.OtherBot($"7310{Random.Shared.Next(100, 999)}:alerts", api);
        options.Bot.AlertWebhookSecret = Secret;
        options.Bot.AlertChatIds = AlertChat.ToString(System.Globalization.CultureInfo.InvariantCulture);
        options.Bot.AlertMessagesPerMinute = perMinute;
        return bot.StartBot(options);
    }

    private static async Task<HttpResponseMessage> Post(HttpClient http, string body, string? secret)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/alerts/alertmanager") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (secret is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        }

        return await http.SendAsync(request);
    }
}
