using System.Text;
using Orleans.Poker.Grains.Interfaces.Common;

namespace Orleans.Poker.Grains.Tests.Common;

public sealed class TextTests
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    [Theory]
    [InlineData("Ada", 5, "Ada")]
    [InlineData("Lovelace", 4, "Love")]
    [InlineData("abc\U0001F0CF", 4, "abc")] // the emoji's two halves would end past 4: it goes whole
    [InlineData("abc\U0001F0CF", 5, "abc\U0001F0CF")]
    [InlineData("ab\U0001F468\u200D\U0001F469\u200D\U0001F467x", 6, "ab")] // a family: one character of 8 UTF-16 units
    [InlineData("e\u0301t\u00E9", 1, "")] // e with a combining accent is one character of two units
    public void Text_is_cut_between_whole_characters_at_most_at_the_limit(string text, int max, string expected)
    {
        var clipped = Text.Clip(text, max);

        Assert.Equal(expected, clipped);
        Assert.True(clipped.Length <= max);
        _ = Strict.GetBytes(clipped); // well-formed: no half of an emoji
    }

    [Theory]
    [InlineData("short", 5, "short")]
    [InlineData("longer", 5, "long…")]
    [InlineData("abc\U0001F0CFd", 5, "abc…")]
    public void Shortened_text_ends_with_an_ellipsis_where_it_was_cut(string text, int max, string expected) =>
        Assert.Equal(expected, Text.Shorten(text, max));

    [Theory]
    [InlineData("Ada", "Ada")]
    [InlineData("Ada\u202E", "Ada")] // a right-to-left override would turn "wins 500" after it around
    [InlineData("\u2066Ada\u2069 B\u202Aob\u202C", "Ada Bob")]
    [InlineData("line\nbreak\u0000", "linebreak")]
    [InlineData("\u0645\u200C\u0647\u200F \U0001F0CF", "\u0645\u200C\u0647\u200F \U0001F0CF")] // ZWNJ, marks and emoji stay
    public void Plain_text_keeps_what_is_shown_and_drops_what_reorders_or_breaks_it(string text, string expected)
    {
        var plain = Text.Plain(text);

        Assert.Equal(expected, plain);
        Assert.DoesNotContain(plain, Text.IsLayoutControl);
        _ = Strict.GetBytes(plain);
    }

    [Fact]
    public void An_unpaired_surrogate_is_no_plain_text() =>
        Assert.Equal("half", Text.Plain(new string(['h', 'a', 'l', 'f', '\uD83C'])));

    [Fact]
    public void A_kept_name_is_plain_trimmed_and_cut() =>
        Assert.Equal("Eve", Interfaces.Players.PlayerProfile.CleanName(" \u202EEve\n "));
}
