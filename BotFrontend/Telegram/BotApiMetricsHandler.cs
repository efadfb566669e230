using System.Net;

namespace Orleans.Poker.BotFrontend.Telegram;

/// <summary>
/// Counts every Bot API request by method (the last segment of <c>/bot&lt;token&gt;/&lt;method&gt;</c>; the token is never
/// recorded) and result, below Telegram.Bot's client, where each HTTP attempt is seen.
/// </summary>
internal sealed class BotApiMetricsHandler(BotMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var method = MethodOf(request.RequestUri);
        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            metrics.ApiCall(method, "network");
            throw;
        }

        metrics.ApiCall(method, response.StatusCode switch
        {
            _ when response.IsSuccessStatusCode => "ok",
            HttpStatusCode.TooManyRequests => "throttled",
            HttpStatusCode.Forbidden => "forbidden",
            _ => "error",
        });
        return response;
    }

    /// <summary>The Bot API method; anything that does not look like one is <c>other</c> (bounded label values).</summary>
    private static string MethodOf(Uri? uri)
    {
        var last = uri?.Segments is { Length: > 0 } segments ? segments[^1].TrimEnd('/') : "";
        return last.Length is > 0 and <= 40 && last.All(char.IsAsciiLetter) ? last : "other";
    }
}
