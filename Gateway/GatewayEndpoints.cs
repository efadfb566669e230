using Microsoft.Extensions.FileProviders;
using Orleans.Poker.Gateway.Api;
using Orleans.Poker.Gateway.Auth;
using Orleans.Poker.Gateway.Dashboard;
using Orleans.Poker.Gateway.Errors;
using Orleans.Poker.Gateway.Hubs;
using Orleans.Poker.ServiceDefaults;
using Orleans.Poker.ServiceDefaults.Configuration;

namespace Orleans.Poker.Gateway;

/// <summary>The gateway's middleware and routes: <c>/api/*</c>, <c>/hubs/table</c>, <c>/hubs/lobby</c>, <c>/openapi/v1.json</c>, the Orleans dashboard (admins) and the web client.</summary>
public static class GatewayEndpoints
{
    public static WebApplication MapPokerGateway(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<PokerOptions>();
        GatewayServices.WarnAboutGeneratedKey(app.Services.GetRequiredService<JwtKeyProvider>());
        // A malformed operations token stops the gateway at start-up, not at the first update.
        _ = app.Services.GetRequiredService<OperationsToken>();
        // First: rate limits and logs see the client behind the proxy, not the proxy.
        app.UsePokerForwardedHeaders(options.Http);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseKnownCharset();

        var webRoot = options.Gateway.WebRoot ?? Path.Combine(AppContext.BaseDirectory, "wwwroot");
        PhysicalFileProvider? files = Directory.Exists(webRoot) ? new PhysicalFileProvider(Path.GetFullPath(webRoot)) : null;
        if (files is not null)
        {
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }

        app.UseAuthentication();
        app.UseBanCheck();
        app.UseAuthorization();
        app.UseRateLimiter();

        app.MapOpenApi();
        var api = app.MapGroup("/api").RequireRateLimiting(GatewayServices.ApiRateLimit);
        api.MapAuthEndpoints();
        api.MapPlayerEndpoints();
        api.MapTableEndpoints();
        api.MapChatEndpoints();
        api.MapHostEndpoints();
        api.MapMaintenanceEndpoints();
        api.MapBroadcastEndpoints();
        api.MapTemplateEndpoints();
        api.MapAdminEndpoints();
        api.MapLedgerEndpoints();
        // Signed-in players only, checked once when a connection opens: an [Authorize] on a hub would also run the
        // authorization service again on every call (about 1.2 µs and 1.7 KB each), for the same principal and answer.
        app.MapHub<TableHub>("/hubs/table").RequireAuthorization();
        app.MapHub<LobbyHub>("/hubs/lobby").RequireAuthorization();
        var dashboard = app.MapPokerDashboard(options);

        // The single-page app: unknown non-API paths get index.html when the client is built (the root is the default
        // file). Never /api or /hubs, which the first segment's constraint keeps out of the router's tree for them: a
        // fallback there would take the requests an API route turns down (405 for another method, 415 for a body that
        // is not JSON) and answer them 404.
        app.MapFallback("{first:nonfile:regex(^(?!(api|hubs)$))}/{*rest:nonfile}", async context =>
        {
            var path = context.Request.Path;
            var index = files?.GetFileInfo("index.html");
            if ((dashboard is not null && path.StartsWithSegments(dashboard)) || index is not { Exists: true } || !HttpMethods.IsGet(context.Request.Method))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.SendFileAsync(index);
        });
        return app;
    }
}
