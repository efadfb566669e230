using System.Globalization;

namespace Orleans.Poker.Grains.Interfaces.Common;

/// <summary>People's text (names, titles, messages): what may be shown, and cut to a length.</summary>
public static class Text
{
    /// <summary>
    /// A character that is no text to show: a control character or a line or paragraph separator (line breaks), or a
    /// bidirectional embedding, override or isolate, which would reorder the text around it (a name ending in U+202E
    /// turns "wins 500" into "005 sniw"). Joiners (Persian's ZWNJ) and the directional marks are text.
    /// </summary>
    public static bool IsLayoutControl(char c) => char.IsControl(c) || c is '\u2028' or '\u2029' or >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    /// <summary>
    /// Whether <paramref name="text"/> shows nothing: only white space and invisible format characters (joiners,
    /// directional marks, U+FEFF), which are text beside letters but no name or message on their own.
    /// </summary>
    public static bool Invisible(string text) => text.All(c => char.IsWhiteSpace(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format);

    /// <summary>
    /// <paramref name="value"/> trimmed when it is 1 to <paramref name="max"/> characters without <see cref="IsLayoutControl"/>
    /// ones (one line of text); null otherwise. The gateway's check of every short text field, and the grains' of those they store.
    /// </summary>
    public static string? Line(string? value, int max)
    {
        var text = value?.Trim();
        return string.IsNullOrEmpty(text) || text.Length > max || text.Any(IsLayoutControl) || Invisible(text) ? null : text;
    }

    /// <summary><paramref name="text"/> without its <see cref="IsLayoutControl"/> characters and unpaired surrogates.</summary>
    public static string Plain(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var plain = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                plain.Append(c).Append(text[++i]);
            }
            else if (!char.IsSurrogate(c) && !IsLayoutControl(c))
            {
                plain.Append(c);
            }
        }

        return plain.Length == text.Length ? text : plain.ToString();
    }

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
