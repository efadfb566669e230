using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Orleans.Poker.BotFrontend.Handling;
using Orleans.Poker.BotFrontend.Play;
using Orleans.Poker.BotFrontend.Telegram;
using Orleans.Poker.ServiceDefaults.Configuration;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace Orleans.Poker.BotFrontend;

/// <summary>
/// Hosts the Telegram bot in any ASP.NET Core host that can resolve an <see cref="IGrainFactory"/> (the standalone bot
/// with an Orleans client, or the silo co-hosting it): <c>builder.AddPokerBot(options)</c>, then <c>app.MapPokerBot()</c>.
/// </summary>
public static class BotHosting
{
    /// <summary>The webhook path Telegram posts updates to.</summary>
    public const string WebhookPath = "/telegram/webhook";

    /// <summary>HttpClient name of the Bot API client.</summary>
    public const string HttpClientName = "telegram-bot-api";

    public static IHostApplicationBuilder AddPokerBot(this IHostApplicationBuilder builder, PokerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Bot.Enabled)
        {
            throw new InvalidOperationException("POKER__Bot__Token is not set: the bot cannot start.");
        }

        var services = builder.Services;
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        // The request URL carries the bot token: HttpClient's own request logging must not write it anywhere.
        services.AddMetrics();
        services.TryAddSingleton<BotMetrics>();
        services.AddTransient<BotApiMetricsHandler>();
        services.AddHttpClient(HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(60)).RemoveAllLoggers()
            .AddHttpMessageHandler<BotApiMetricsHandler>();
        services.AddSingleton<ITelegramBotClient>(sp =>
        {
            var http = sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName);
            // Throttling is handled by BotApi (retry_after), not by the client's own retries.
            var clientOptions = new TelegramBotClientOptions(options.Bot.Token!, string.IsNullOrWhiteSpace(options.Bot.ApiBaseUrl) ? null : options.Bot.ApiBaseUrl)
            {
                RetryCount = 0,
            };
            return new TelegramBotClient(clientOptions, http);
        });
        services.AddSingleton<BotApi>();
        services.AddSingleton<Sending.Outbox>();
        services.AddSingleton<BotIdentity>();
        services.AddSingleton<UpdateDeduplicator>();
        services.AddSingleton<ChatQueues>();
        services.AddSingleton<UpdateHandler>();
        services.AddSingleton<Alerts.AlertSlots>();
        services.AddSingleton<Alerts.AlertReceiver>();
        services.AddSingleton<Alerts.InsightPoster>();
        services.AddHostedService(sp => sp.GetRequiredService<Alerts.InsightPoster>());
        services.AddSingleton<Sending.BroadcastSender>();
        services.AddHostedService(sp => sp.GetRequiredService<Sending.BroadcastSender>());
        services.AddSingleton<UpdateProcessor>();
        services.AddSingleton<TableWatches>();
        services.AddHostedService(sp => sp.GetRequiredService<TableWatches>());
        services.AddSingleton<TurnPinger>();
        services.AddHostedService(sp => sp.GetRequiredService<TurnPinger>());
        services.AddHostedService<BotStartup>();
        return builder;
    }

    /// <summary>
    /// Maps <c>POST /telegram/webhook</c>: 401 without the right secret, 400 for a body that is no update, 503 when the
    /// cluster cannot record the update (Telegram redelivers it).
    /// </summary>
    public static IEndpointRouteBuilder MapPokerBot(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost(WebhookPath, async (HttpContext http, PokerOptions options, UpdateProcessor processor, BotMetrics metrics) =>
        {
            if (!WebhookSecret.MatchesAny(http.Request.Headers[WebhookSecret.Header], options.Bot.WebhookSecrets()))
            {
                metrics.Refused("secret");
                return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Missing or wrong webhook secret");
            }

            Update? update;
            try
            {
                update = await JsonSerializer.DeserializeAsync<Update>(http.Request.Body, JsonBotAPI.Options, http.RequestAborted);
            }
            catch (JsonException e)
            {
                metrics.Refused("body");
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not a Telegram update", detail: e.Message);
            }

            if (update is null)
            {
                metrics.Refused("body");
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not a Telegram update");
            }

            // Answer once the update is claimed; it is handled on its chat's queue (Telegram redelivers slow answers).
            // An unrecorded claim answers 503, so that Telegram delivers the update again later.
            metrics.Received("webhook");
            return await processor.Accept(update, CancellationToken.None) == UpdateAcceptance.Unavailable
                ? Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The update could not be recorded; deliver it again")
                : Results.Ok();
        });
        endpoints.MapPost(Alerts.AlertReceiver.Path, (HttpContext http, Alerts.AlertReceiver alerts) => alerts.Receive(http));
        return endpoints;
    }
}
