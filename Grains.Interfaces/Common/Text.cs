using System.Globalization;

namespace Orleans.Poker.Grains.Interfaces.Common;

/// <summary>People's text (names, titles, messages) cut to a length.</summary>
public static class Text
{
    /// <summary>
    /// <paramref name="text"/> cut to at most <paramref name="max"/> UTF-16 characters at the end of a whole character
    /// as people see it (a text element): never inside an emoji, whose halves are no text and which PostgreSQL's driver
    /// refuses to write.
    /// </summary>
    public static string Clip(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= max)
        {
            return text;
        }

        var end = 0;
        while (end < text.Length)
        {
            var next = StringInfo.GetNextTextElementLength(text.AsSpan(end));
            if (end + next > max)
            {
                break;
            }

            end += next;
        }

        return text[..end];
    }

    /// <summary><paramref name="text"/> in at most <paramref name="max"/> characters: cut (<see cref="Clip"/>) and ended with "…" when longer.</summary>
    public static string Shorten(string text, int max) => text.Length <= max ? text : Clip(text, max - 1) + "…";
}
