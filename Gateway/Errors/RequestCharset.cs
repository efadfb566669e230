using System.Text;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Orleans.Poker.Grains.Interfaces.Common;

namespace Orleans.Poker.Gateway.Errors;

/// <summary>
/// A request whose <c>Content-Type</c> names a charset .NET cannot read (<c>charset=bogus</c>, <c>utf-7</c>) is a 415
/// <c>unsupported_charset</c>: ASP.NET Core's JSON binding throws an <see cref="InvalidOperationException"/> for it,
/// which would be answered 500 and logged as a bug.
/// </summary>
public static class RequestCharset
{
    public static IApplicationBuilder UseKnownCharset(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Request.ContentType is { } contentType
            && MediaTypeHeaderValue.TryParse(contentType, out var type)
            && type.Charset is { HasValue: true } charset
            && !Readable(charset))
        {
            throw new PokerException("unsupported_charset", $"The request's charset {charset} is not one the server reads: send UTF-8", StatusCodes.Status415UnsupportedMediaType);
        }

        return next(context);
    });

    /// <summary>Whether .NET has an encoding for <paramref name="charset"/> (one pair of quotes around it allowed, as ASP.NET Core reads it).</summary>
    public static bool Readable(StringSegment charset)
    {
        if (charset.Length > 2 && charset[0] == '"' && charset[^1] == '"')
        {
            charset = charset.Subsegment(1, charset.Length - 2);
        }

        try
        {
            _ = Encoding.GetEncoding(charset.ToString());
            return true;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return false;
        }
    }
}
