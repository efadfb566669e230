using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Orleans.Poker.ServiceDefaults.Telemetry;

/// <summary>
/// Stands in front of the Prometheus exporter: the management port answers; on any other port only an authenticated
/// admin does (a signed-in non-admin gets 403, anyone else 404, as if there were nothing there).
/// </summary>
internal static class MetricsGuard
{
    public static async Task Invoke(HttpContext context, RequestDelegate next)
    {
        var access = context.RequestServices.GetRequiredService<IOptions<MetricsAccessOptions>>().Value;
        if (access.ManagementPort > 0 && context.Connection.LocalPort == access.ManagementPort)
        {
            await next(context);
            return;
        }

        if (access.IsAdmin is { } isAdmin
            && context.RequestServices.GetService<IAuthenticationSchemeProvider>() is { } schemes
            && await schemes.GetDefaultAuthenticateSchemeAsync() is { } scheme)
        {
            var result = await context.AuthenticateAsync(scheme.Name);
            if (result.Succeeded && result.Principal is { } user)
            {
                if (isAdmin(user))
                {
                    await next(context);
                    return;
                }

                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    /// <summary>On the management port only <c>/metrics</c> and <c>/health/*</c> exist: the API and hubs stay on the public port.</summary>
    public static async Task ManagementPortOnly(HttpContext context, RequestDelegate next)
    {
        var access = context.RequestServices.GetRequiredService<IOptions<MetricsAccessOptions>>().Value;
        if (access.ManagementPort > 0 && context.Connection.LocalPort == access.ManagementPort
            && !context.Request.Path.Equals(PokerTelemetry.MetricsPath, StringComparison.Ordinal)
            && !context.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await next(context);
    }
}
