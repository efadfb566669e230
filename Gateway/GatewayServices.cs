using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Poker.Gateway.Api;
using Orleans.Poker.Gateway.Auth;
using Orleans.Poker.Gateway.Dashboard;
using Orleans.Poker.Gateway.Errors;
using Orleans.Poker.Gateway.Hubs;
using Orleans.Poker.Gateway.Relay;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.ServiceDefaults.Configuration;
using Orleans.Poker.ServiceDefaults.Telemetry;
using Serilog;

namespace Orleans.Poker.Gateway;

/// <summary>
/// The gateway's services, for the standalone gateway (an Orleans client) and for the silo that co-hosts it: JWT
/// auth, SignalR (with the Redis backplane when Redis is configured), rate limits, problem details, OpenAPI and
/// the table/lobby relays. The host provides <see cref="IGrainFactory"/>.
/// </summary>
public static class GatewayServices
{
    /// <summary>Rate-limit policy of every API route (per player, or per IP before sign-in).</summary>
    public const string ApiRateLimit = "api";

    /// <summary>Stricter policy of the sign-in routes (per IP).</summary>
    public const string AuthRateLimit = "auth";

    public static IHostApplicationBuilder AddPokerGateway(this IHostApplicationBuilder builder, PokerOptions options)
    {
        var services = builder.Services;
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<JwtKeyProvider>();
        services.AddSingleton<OperationsToken>();
        services.AddSingleton<TokenService>();
        services.AddSingleton<Audit>();
        services.AddSingleton(sp => new TelegramInitDataValidator(options.Auth.BotToken, options.Auth.InitDataMaxAge, sp.GetRequiredService<TimeProvider>()));

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<JwtKeyProvider>((jwt, key) =>
        {
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters = TokenService.ValidationParameters(options, key);
            jwt.Events = new JwtBearerEvents
            {
                // Browsers cannot set headers on WebSockets/SSE: hubs take the token from the query string.
                OnMessageReceived = context =>
                {
                    if (context.HttpContext.Request.Path.StartsWithSegments("/hubs") && context.Request.Query["access_token"] is [{ Length: > 0 } token])
                    {
                        context.Token = token;
                    }
                    else if (DashboardAccess.Token(context.Request, options) is { } dashboardToken)
                    {
                        // The Orleans dashboard's own requests carry the admin's token in a cookie (DashboardAccess).
                        context.Token = dashboardToken;
                    }

                    return Task.CompletedTask;
                },
            };
        });
        services.AddAuthorizationBuilder().AddPolicy(PokerClaims.AdminPolicy, policy => policy.RequireAuthenticatedUser().RequireClaim(PokerClaims.Role, PokerClaims.AdminRole));

        services.AddProblemDetails();
        services.AddExceptionHandler<PokerExceptionHandler>();
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Add(new EnumNameConverter()));
        services.AddOpenApi(o => o.AddSchemaTransformer((schema, context, _) =>
        {
            // The enums' converter is the room's own (EnumNameConverter), which the document cannot see into: say what it reads and writes.
            var type = context.JsonTypeInfo.Type;
            if ((Nullable.GetUnderlyingType(type) ?? type) is { IsEnum: true } enumType)
            {
                var nullable = enumType != type;
                schema.Type = nullable ? Microsoft.OpenApi.JsonSchemaType.String | Microsoft.OpenApi.JsonSchemaType.Null : Microsoft.OpenApi.JsonSchemaType.String;
                schema.Enum = [.. Enum.GetNames(enumType).Select(name => (System.Text.Json.Nodes.JsonNode)name), .. nullable ? [Microsoft.OpenApi.JsonNullSentinel.JsonNull] : Array.Empty<System.Text.Json.Nodes.JsonNode>()];
            }

            return Task.CompletedTask;
        }));
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = options.Gateway.MaxRequestBodyBytes);

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = async (context, token) =>
            {
                var retry = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromSeconds(1);
                context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await context.HttpContext.Response.WriteAsJsonAsync(
                    new { type = "https://orleans-poker/errors/rate_limited", title = "rate limited", status = 429, detail = "Too many requests: slow down", code = "rate_limited" },
                    (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", token);
            };
            limiter.AddPolicy(ApiRateLimit, context => RateLimitPartition.GetTokenBucketLimiter(PartitionKey(context), _ => Bucket(options.Gateway.RequestsPerSecond, options.Gateway.RequestBurst)));
            limiter.AddPolicy(AuthRateLimit, context => RateLimitPartition.GetTokenBucketLimiter(
                "ip:" + context.Connection.RemoteIpAddress, _ => Bucket(Math.Max(1, options.Gateway.RequestsPerSecond / 4), Math.Max(1, options.Gateway.RequestBurst / 2))));
        });

        var signalR = services.AddSignalR(hub =>
        {
            hub.MaximumReceiveMessageSize = options.Gateway.MaxHubMessageBytes;
            hub.AddFilter<HubGuardFilter>();
        }).AddJsonProtocol(json => json.PayloadSerializerOptions = TableJson.Options);
        // That protocol, guarded: the calls SignalR answers before the filter (unknown methods, arguments that do not
        // bind, streaming calls) are limited too.
        services.RemoveAll<IHubProtocol>();
        services.AddSingleton<IHubProtocol>(provider => new GuardedHubProtocol(
            ActivatorUtilities.CreateInstance<JsonHubProtocol>(provider), options, provider.GetRequiredService<TimeProvider>(), provider.GetRequiredService<ILogger<GuardedHubProtocol>>()));
        if (!string.IsNullOrWhiteSpace(options.Cluster.Redis))
        {
            signalR.AddStackExchangeRedis(options.Cluster.Redis, redis => redis.Configuration.ChannelPrefix = StackExchange.Redis.RedisChannel.Literal("poker"));
        }

        services.AddSingleton<HubGuardFilter>();
        services.AddHostedService<BanWatch>();
        services.AddMetrics();
        services.TryAddSingleton<RelayMetrics>();
        // /metrics on the public port answers to admins (ServiceDefaults' TelemetrySetup.UsePokerMetrics).
        services.Configure<MetricsAccessOptions>(access => access.IsAdmin = PokerClaims.IsAdmin);
        services.AddSingleton<PresenceReporter>();
        services.AddHostedService(sp => sp.GetRequiredService<PresenceReporter>());
        services.AddSingleton<TableRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<TableRelay>());
        services.AddSingleton<LobbyRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<LobbyRelay>());
        return builder;
    }

    private static string PartitionKey(HttpContext context) =>
        context.User.FindFirst(PokerClaims.PlayerId)?.Value is { } player ? "player:" + player : "ip:" + context.Connection.RemoteIpAddress;

    private static TokenBucketRateLimiterOptions Bucket(int perSecond, int burst) => new()
    {
        TokenLimit = Math.Max(1, burst),
        TokensPerPeriod = Math.Max(1, perSecond),
        ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    /// <summary>Logs the warning about a generated signing key once the logger is up.</summary>
    internal static void WarnAboutGeneratedKey(JwtKeyProvider key)
    {
        if (key.Generated)
        {
            Log.ForContext(typeof(GatewayServices)).Warning("POKER__Auth__JwtKey is not set: access tokens are signed with a random key and stop working when this process restarts");
        }
    }
}
