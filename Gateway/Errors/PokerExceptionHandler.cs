using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Runtime;
using StackExchange.Redis;

namespace Orleans.Poker.Gateway.Errors;

/// <summary>
/// Maps exceptions to problem+json: <see cref="PokerException"/> keeps its status and code; malformed input
/// (binding, JSON) is a 400; an unreachable cluster, database or Redis (the SignalR backplane) a 503, logged as a
/// warning; anything else is a 500 and logged as a bug.
/// </summary>
public sealed partial class PokerExceptionHandler(IProblemDetailsService problems, ILogger<PokerExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var (status, code, detail) = Classify(exception);
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            LogUnavailable(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }
        else if (status >= 500)
        {
            LogFailure(logger, exception, httpContext.Request.Method, httpContext.Request.Path);
        }

        httpContext.Response.StatusCode = status;
        var problem = new ProblemDetails { Status = status, Title = code.Replace('_', ' '), Detail = detail, Type = $"https://orleans-poker/errors/{code}" };
        problem.Extensions["code"] = code;
        if (exception is PokerException { RetryAfterSeconds: { } retryAfter })
        {
            httpContext.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
            problem.Extensions["retryAfter"] = retryAfter;
        }

        if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception }))
        {
            // The client accepts no JSON (Accept: text/plain, say): it gets the problem all the same. Left unhandled, the
            // exception middleware would turn the refusal into a 500 and log it as an error.
            await httpContext.Response.WriteAsJsonAsync(problem, (JsonSerializerOptions?)null, "application/problem+json", cancellationToken);
        }

        return true;
    }

    /// <summary>Status, code and message for an exception.</summary>
    public static (int Status, string Code, string Detail) Classify(Exception exception) => exception switch
    {
        PokerException poker => (poker.Status is >= 400 and < 600 ? poker.Status : 400, poker.Code, poker.Message),
        BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge => (413, "payload_too_large", "The request body is too large"),
        BadHttpRequestException bad => (bad.StatusCode is >= 400 and < 500 ? bad.StatusCode : 400, "invalid_request", Unwrap(bad)),
        JsonException json => (400, "invalid_json", json.Message),
        FormatException format => (400, "invalid_request", format.Message),
        ArgumentException argument => (400, "invalid_request", argument.Message),
        StoreUnavailableException store => (503, "unavailable", store.Message),
        _ when StoreUnavailableException.IsBehind(exception) => (503, "unavailable", new StoreUnavailableException().Message),
        // Redis behind the SignalR backplane (a group send, a group join): its timeouts are TimeoutExceptions.
        _ when Unavailability.Of(exception) || exception is RedisConnectionException => (503, "unavailable", "The game servers are not reachable right now; try again shortly"),
        _ => (500, "internal_error", "Something went wrong on our side"),
    };

    // The framework's own wording names the server's types ("could not be converted to ...SitRequest") or parameters
    // ("Implicit body inferred for parameter..."): the caller is told what was wrong, in their terms.
    private static string Unwrap(BadHttpRequestException bad) => bad.InnerException switch
    {
        JsonException { Path: { } path } json when json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal) =>
            $"Invalid JSON: {path} has a value of the wrong kind (amounts and seats are whole numbers)",
        JsonException json => $"Invalid JSON: {json.Message}",
        null when bad.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal) || bad.Message.EndsWith("from body.", StringComparison.Ordinal) =>
            "The request needs a JSON body",
        _ => bad.Message,
    };

    /// <summary>The cluster, the database or Redis did not answer (a silo leaving, a database restart): the caller may try
    /// again, so it is a warning, not an error (an operator watches the 503 rate and the processes' health).</summary>
    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {Method} {Path} answered unavailable")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {Method} {Path} failed")]
    private static partial void LogFailure(ILogger logger, Exception exception, string method, string path);
}
