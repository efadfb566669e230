using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace Orleans.Poker.ServiceDefaults.Health;

/// <summary>
/// The JSON body of <c>/health/live</c> and <c>/health/ready</c>: overall status, which service and version answered
/// (so that a rollout can be watched process by process) and, for readiness, each check's status. Exception details
/// stay in the logs.
/// </summary>
public static class HealthAnswer
{
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        var environment = context.RequestServices.GetService<IHostEnvironment>();
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await using var json = new Utf8JsonWriter(context.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteString("service", ProductInfo.ServiceName(environment?.ApplicationName ?? ProductInfo.Name));
        json.WriteString("version", ProductInfo.Version);
        if (ProductInfo.Commit is { } commit)
        {
            json.WriteString("commit", commit);
        }

        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteStartObject(name);
            json.WriteString("status", entry.Status.ToString());
            if (entry.Description is { } description)
            {
                json.WriteString("description", description);
            }

            json.WriteNumber("durationMs", Math.Round(entry.Duration.TotalMilliseconds, 1));
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        await json.FlushAsync(context.RequestAborted);
    }
}
