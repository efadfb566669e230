using Orleans.Poker.BotFrontend.Telegram;

namespace Orleans.Poker.BotFrontend.Tests;

public sealed class UpdateDeduplicatorTests
{
    [Fact]
    public void Memory_stays_bounded_and_the_oldest_ids_are_forgotten_first()
    {
        var dedupe = new UpdateDeduplicator();
        for (var id = 1; id <= UpdateDeduplicator.Capacity + 10; id++)
        {
            Assert.True(dedupe.TryBegin(id));
        }

        Assert.Equal(UpdateDeduplicator.Capacity, dedupe.Count);
        Assert.False(dedupe.TryBegin(UpdateDeduplicator.Capacity + 10));
        Assert.True(dedupe.TryBegin(1));
    }

    [Fact]
    public void A_forgotten_id_is_new_again()
    {
        var dedupe = new UpdateDeduplicator();
        dedupe.TryBegin(41);

        dedupe.Forget(41);

        Assert.True(dedupe.TryBegin(41));
        Assert.False(dedupe.TryBegin(41));
    }

    [Fact]
    public void Webhook_secret_must_match_exactly_and_an_unset_secret_accepts_nothing()
    {
        Assert.True(WebhookSecret.Matches("s3cret", "s3cret"));
        Assert.False(WebhookSecret.Matches("s3cre", "s3cret"));
        Assert.False(WebhookSecret.Matches("S3CRET", "s3cret"));
        Assert.False(WebhookSecret.Matches(null, "s3cret"));
        Assert.False(WebhookSecret.Matches("", ""));
        Assert.False(WebhookSecret.Matches("anything", null));
    }
}
