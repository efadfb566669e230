using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Orleans.Poker.Grains.Interfaces.Analytics;

namespace Orleans.Poker.Grains.Analytics;

/// <summary>
/// Posts insights to <see cref="AnalyticsOptions.InsightWebhookUrl"/> as JSON (<c>{"insights":[...]}</c>), best effort:
/// a failure is logged as a warning and the caller tries the same insights again later.
/// </summary>
public sealed class InsightWebhook(ILogger<InsightWebhook> logger) : IDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly HttpClient http = new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>True when the receiver answered 2xx.</summary>
    public async Task<bool> Post(Uri url, IReadOnlyList<Insight> insights, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        try
        {
            using var response = await http.PostAsJsonAsync(url, new { insights }, Json, cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return true;
            }

            logger.LogWarning("The insight webhook {Host} answered {Status} to {Count} insights; they are sent again at the next check",
                url.Host, (int)response.StatusCode, insights.Count);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("The insight webhook {Host} could not be reached ({Reason}); {Count} insights are sent again at the next check",
                url.Host, e.Message, insights.Count);
        }

        return false;
    }

    public void Dispose() => http.Dispose();
}
