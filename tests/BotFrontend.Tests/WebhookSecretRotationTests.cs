using System.Net;
using Microsoft.AspNetCore.TestHost;

namespace Orleans.Poker.BotFrontend.Tests;

/// <summary>
/// The webhook secret is rotated without losing an update: bots of each phase (the next secret accepted; the next
/// secret registered with setWebhook and the previous one accepted; the next alone) accept what Telegram may send
/// during that phase and nothing else.
/// </summary>
[Collection(BotCollection.Name)]
public sealed class WebhookSecretRotationTests(BotFixture bot)
{
    private const string NextSecret = "next-webhook-secret_0123456789";

    [Fact]
    public async Task Every_phase_of_a_rotation_accepts_the_secrets_in_use_and_registers_the_current_one()
    {
        await using var api = await FakeBotApi.Start();

        var rollingOut = await Phase(api, "731001:rotation-one", BotFixture.Secret, accepted: NextSecret);
        var rotated = await Phase(api, "731002:rotation-two", NextSecret, accepted: BotFixture.Secret);
        var done = await Phase(api, "731003:rotation-three", NextSecret, accepted: null);

        Assert.Equal((BotFixture.Secret, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized), rollingOut);
        Assert.Equal((NextSecret, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Unauthorized), rotated);
        Assert.Equal((NextSecret, HttpStatusCode.Unauthorized, HttpStatusCode.OK, HttpStatusCode.Unauthorized), done);
    }

    /// <summary>A bot with these secrets: the secret it registers, and how it answers the old, the next and a wrong secret.</summary>
    private async Task<(string? Registered, HttpStatusCode Old, HttpStatusCode Next, HttpStatusCode Wrong)> Phase(
        FakeBotApi api, string token, string secret, string? accepted)
    {
        var options = bot.OtherBot(token, api);
        options.Bot.WebhookSecret = secret;
        options.Bot.AcceptedWebhookSecrets = accepted;
        var after = api.LastIndex;
        var host = await bot.StartBot(options);
        try
        {
            var registered = await api.WaitFor(r => r.Method == "setWebhook", after);
            using var webhook = host.GetTestServer().CreateClient();
            var user = BotFixture.NewUserId();
            var old = await bot.Post(BotFixture.Message(user, "/help"), BotFixture.Secret, webhook);
            var next = await bot.Post(BotFixture.Message(user, "/help"), NextSecret, webhook);
            var wrong = await bot.Post(BotFixture.Message(user, "/help"), "some-other-secret", webhook);
            return (registered.Json["secret_token"]?.GetValue<string>(), old.StatusCode, next.StatusCode, wrong.StatusCode);
        }
        finally
        {
            await BotFixture.Stop(host);
        }
    }
}
