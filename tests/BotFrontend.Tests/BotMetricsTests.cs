using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Poker.BotFrontend.Telegram;

namespace Orleans.Poker.BotFrontend.Tests;

/// <summary>The bot's meter, measured on the fixture's bot host (its own meter instance) against the fake Bot API.</summary>
[Collection(BotCollection.Name)]
public sealed class BotMetricsTests(BotFixture bot)
{
    [Fact]
    public async Task Processed_duplicate_refused_and_throttled_updates_are_counted_as_such()
    {
        using var meter = new MeterCapture(bot.Bot.Services.GetRequiredService<BotMetrics>().Meter);
        var user = BotFixture.NewUserId();

        // Processed.
        var update = BotFixture.Message(user, "/help");
        var after = bot.Api.LastIndex;
        (await bot.Post(update)).EnsureSuccessStatusCode();
        await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == user, after);
        await bot.Queues.Idle(user);
        await bot.Outbox.Idle(user);

        // The same update delivered again: a duplicate, answered 200 and not handled.
        Assert.Equal(HttpStatusCode.OK, (await bot.Post(update)).StatusCode);

        // A wrong secret and none: refused before anything else.
        Assert.Equal(HttpStatusCode.Unauthorized, (await bot.Post(BotFixture.Message(user, "/help"), secret: "wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bot.Post(BotFixture.Message(user, "/help"), secret: null)).StatusCode);

        // Throttled once (429, retry_after 1 s), then sent.
        bot.Api.FailNext("sendMessage", 429, retryAfter: 1);
        after = bot.Api.LastIndex;
        (await bot.Post(BotFixture.Message(user, "/help"))).EnsureSuccessStatusCode();
        await bot.Api.WaitFor(r => r.Method == "sendMessage" && r.ChatId == user && r.Accepted, after);
        await bot.Queues.Idle(user);
        await bot.Outbox.Idle(user);

        Assert.Equal(3, meter.Sum("poker.bot.updates.received", "source", "webhook"));
        Assert.Equal(2, meter.Sum("poker.bot.updates.processed"));
        Assert.Equal(1, meter.Sum("poker.bot.updates.duplicates"));
        Assert.Equal(2, meter.Sum("poker.bot.updates.refused", "reason", "secret"));
        Assert.Equal(0, meter.Sum("poker.bot.updates.failed"));
        Assert.Equal(0, meter.Sum("poker.bot.updates.unavailable"));
        Assert.Equal(2, meter.Count("poker.bot.update.duration"));
        Assert.Equal(2, meter.Count("poker.bot.chat_queue.depth"));
        Assert.Equal(1, meter.Sum("poker.bot.api.calls", "result", "throttled"));
        Assert.All(meter.Tags("poker.bot.api.calls").Where(t => t.Any(p => p is { Key: "result", Value: "throttled" })),
            tags => Assert.Contains(tags, p => p is { Key: "method", Value: "sendMessage" }));
        Assert.True(meter.Sum("poker.bot.api.calls", "result", "ok") >= 2, "the replies were counted as accepted calls");
        Assert.Equal(1, meter.Count("poker.bot.api.retry_after"));
        Assert.Equal(1, meter.Sum("poker.bot.api.retry_after"));
    }
}
