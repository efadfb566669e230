using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Orleans.Poker.Gateway.Tests;

/// <summary>The one check of the gateway's refusals: problem details (<c>application/problem+json</c>).</summary>
public static class Problems
{
    /// <summary>
    /// The response is a problem of <paramref name="status"/>, with <paramref name="code"/> when given and a body that
    /// mentions <paramref name="mentions"/> when given (e.g. the parameter it refuses); returns the problem.
    /// </summary>
    public static async Task<JsonElement> AssertProblem(HttpResponseMessage response, HttpStatusCode status, string? code = null, string? mentions = null)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        if (code is not null)
        {
            Assert.Equal(code, problem.GetProperty("code").GetString());
        }

        if (mentions is not null)
        {
            Assert.Contains(mentions, body, StringComparison.Ordinal);
        }

        return problem;
    }
}
