using Orleans.Poker.Grains.Chat;
using Orleans.Poker.Grains.Interfaces.Common;

namespace Orleans.Poker.Grains.Tests.Chat;

public sealed class ChatRulesTests
{
    [Fact]
    public void A_text_is_trimmed_and_kept_as_written()
    {
        Assert.Equal(("<b>nice</b> & 'hand'", null), ChatRules.Compose("  <b>nice</b> & 'hand' ", null));
        Assert.Equal(("دست خوبی بود\u200Cها", null), ChatRules.Compose("دست خوبی بود\u200Cها", null));
    }

    [Fact]
    public void An_emote_is_stored_as_its_symbol_with_its_code()
    {
        Assert.Equal(("👍", "thumbs_up"), ChatRules.Compose(null, "thumbs_up"));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("   ", null)]
    [InlineData("line\nbreak", null)]
    [InlineData("bell\u0007", null)]
    [InlineData("\u202Eevil", null)]
    [InlineData("isolate\u2066x", null)]
    [InlineData("line\u2028separator", null)]
    [InlineData("\uFEFF\u200F", null)]
    [InlineData(null, "dance")]
    [InlineData("hi", "thumbs_up")]
    public void Anything_else_is_refused(string? text, string? emote)
    {
        var error = Assert.Throws<PokerException>(() => ChatRules.Compose(text, emote));

        Assert.Equal(("invalid_chat", 400), (error.Code, error.Status));
    }

    [Fact]
    public void A_broken_character_is_refused()
    {
        // Built at run time: an attribute argument cannot carry a lone surrogate.
        var broken = "broken" + (char)0xD83D;

        Assert.Equal("invalid_chat", Assert.Throws<PokerException>(() => ChatRules.Compose(broken, null)).Code);
    }

    [Fact]
    public void The_length_is_limited_after_trimming()
    {
        Assert.Equal(ChatRules.MaxLength, ChatRules.Compose("  " + new string('a', ChatRules.MaxLength) + "  ", null).Text.Length);
        Assert.Equal("invalid_chat", Assert.Throws<PokerException>(() => ChatRules.Compose(new string('a', ChatRules.MaxLength + 1), null)).Code);
    }

    [Fact]
    public void The_rate_limit_admits_a_burst_per_window_and_says_how_long_to_wait()
    {
        var limit = new ChatRateLimit();
        var start = new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < ChatRules.RateLimit; i++)
        {
            limit.Admit(1, start.AddSeconds(i));
        }

        var error = Assert.Throws<PokerException>(() => limit.Admit(1, start.AddSeconds(6)));
        limit.Admit(2, start.AddSeconds(6));
        limit.Admit(1, start + ChatRules.RateWindow);

        Assert.Equal(("chat_rate_limited", 429, 4), (error.Code, error.Status, error.RetryAfterSeconds));
    }
}
