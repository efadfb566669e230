using System.Globalization;
using Microsoft.Extensions.Options;
using Orleans.Dashboard;
using Orleans.Poker.Gateway.Auth;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.ServiceDefaults.Configuration;
using Serilog;

namespace Orleans.Poker.Gateway.Dashboard;

/// <summary>
/// The Orleans dashboard on the gateway, for admins only (<see cref="PokerClaims.AdminPolicy"/>): anonymous requests
/// get 401, other signed-in users 403. A browser cannot put a bearer token on the dashboard's own requests, so the
/// first request may carry the admin's access token as <c>?access_token=</c> (as SignalR does): once authorized, it
/// is moved into an HttpOnly, SameSite=Strict cookie scoped to the dashboard path that expires with the token, and the
/// browser is redirected to the address without it. nginx does not proxy the dashboard: operators reach the gateway's
/// port through an SSH tunnel (docs/operations.md).
/// </summary>
public static class DashboardAccess
{
    /// <summary>The cookie carrying the admin's access token on dashboard requests.</summary>
    public const string CookieName = "poker_dashboard";

    private const string TokenParameter = "access_token";

    /// <summary>Whether silos and gateways add the dashboard: telemetry on and <c>POKER__Telemetry__Dashboard</c>.</summary>
    public static bool Enabled(PokerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Telemetry.Enabled && options.Telemetry.Dashboard;
    }

    /// <summary>The dashboard's path (<c>/orleans-dashboard</c>), or null when it is off.</summary>
    public static string? PathOf(PokerOptions options) =>
        Enabled(options) ? "/" + options.Telemetry.DashboardPath.Trim().Trim('/') : null;

    /// <summary>The dashboard's path when this host serves it (on, and <c>AddDashboard</c> called on its Orleans builder), else null.</summary>
    public static string? Served(IServiceProvider services, PokerOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetService<IConfigureOptions<DashboardOptions>>() is null ? null : PathOf(options);
    }

    /// <summary>The token of a dashboard request: the <c>access_token</c> parameter, else the cookie.</summary>
    public static string? Token(HttpRequest request, PokerOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (PathOf(options) is not { } path || !request.Path.StartsWithSegments(path, StringComparison.Ordinal))
        {
            return null;
        }

        return request.Query[TokenParameter] is [{ Length: > 0 } token] ? token : request.Cookies[CookieName];
    }

    /// <summary>
    /// Maps the dashboard when the host added its services (<c>AddDashboard</c> on the silo or the cluster client);
    /// returns the path, or null when it is not served.
    /// </summary>
    public static string? MapPokerDashboard(this WebApplication app, PokerOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (Served(app.Services, options) is not { } path)
        {
            if (PathOf(options) is { } missing)
            {
                Log.ForContext(typeof(DashboardAccess)).Warning("The Orleans dashboard is on but this host's Orleans builder did not add it: {Path} is not served", missing);
            }

            return null;
        }

        app.MapOrleansDashboard(path).RequireAuthorization(PokerClaims.AdminPolicy).AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (http.Request.Query[TokenParameter] is [{ Length: > 0 } token])
            {
                // Authorized already (filters run after authorization): keep the token out of the address bar.
                http.Response.Cookies.Append(CookieName, token, new CookieOptions
                {
                    HttpOnly = true,
                    SameSite = SameSiteMode.Strict,
                    Secure = http.Request.IsHttps,
                    Path = path,
                    Expires = Expiry(http.User),
                });
                var rest = http.Request.Query.Where(q => q.Key != TokenParameter).SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)));
                return Results.Redirect(http.Request.PathBase + http.Request.Path + QueryString.Create(rest));
            }

            try
            {
                return await next(context);
            }
            catch (Exception ex) when (IsMalformedAddress(ex))
            {
                // The dashboard's routes take silo addresses from the path; one that does not parse is the caller's error.
                throw new PokerException("invalid_dashboard_request", "Not a silo address: " + ex.GetBaseException().Message, StatusCodes.Status400BadRequest);
            }
        });
        return path;
    }

    private static bool IsMalformedAddress(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is FormatException)
            {
                return true;
            }
        }

        return false;
    }

    private static DateTimeOffset? Expiry(System.Security.Claims.ClaimsPrincipal user) =>
        user.FindFirst("exp")?.Value is { } exp && long.TryParse(exp, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
