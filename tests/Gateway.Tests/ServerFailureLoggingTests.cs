using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Orleans.Poker.Gateway.Errors;
using Orleans.Poker.Gateway.Hubs;
using Orleans.Poker.Gateway.Relay;
using Orleans.Poker.Grains.Interfaces.Common;

namespace Orleans.Poker.Gateway.Tests;

/// <summary>
/// What a failed call leaves in the gateway's log: the cluster or the database not answering (a silo leaving, a database
/// restart) is a warning and the caller's <c>unavailable</c>, to try again; anything else is an error, a bug of ours.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class ServerFailureLoggingTests(GatewayFixture fixture)
{
    public static TheoryData<Exception, string, LogLevel> Failures => new()
    {
        { new SiloUnavailableException("The local Orleans host is shutting down"), "unavailable", LogLevel.Warning },
        { new StoreUnavailableException(), "unavailable", LogLevel.Warning },
        { new InvalidOperationException("a bug"), "internal_error", LogLevel.Error },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_hub_call_that_fails_is_logged_at_the_level_of_its_cause(Exception failure, string code, LogLevel level)
    {
        using var logs = new LogCapture();
        using var factory = LoggerFactory.Create(logging => logging.AddProvider(logs));
        var guard = new HubGuardFilter(fixture.Options, new FakeTimeProvider(), fixture.App.Services.GetRequiredService<RelayMetrics>(), fixture.Grains, factory.CreateLogger<HubGuardFilter>());

        var refusal = await Assert.ThrowsAsync<HubException>(async () => await guard.InvokeMethodAsync(new FakeHubConnection(7).Invocation(), _ => throw failure));

        Assert.StartsWith($"{code}: ", refusal.Message, StringComparison.Ordinal);
        var logged = Assert.Single(logs.Entries, e => e.Category == typeof(HubGuardFilter).FullName);
        Assert.Equal(level, logged.Level);
        Assert.Same(failure, logged.Exception);
    }

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_request_that_fails_is_logged_at_the_level_of_its_cause(Exception failure, string code, LogLevel level)
    {
        using var logs = new LogCapture();
        var services = new ServiceCollection().AddLogging(logging => logging.AddProvider(logs)).AddProblemDetails().BuildServiceProvider();
        var handler = ActivatorUtilities.CreateInstance<PokerExceptionHandler>(services);
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Method = "POST";
        context.Request.Path = "/api/tables/t/sit";
        context.Response.Body = new MemoryStream();

        Assert.True(await handler.TryHandleAsync(context, failure, CancellationToken.None));

        Assert.Equal(code == "unavailable" ? 503 : 500, context.Response.StatusCode);
        var logged = Assert.Single(logs.Entries, e => e.Category == typeof(PokerExceptionHandler).FullName);
        Assert.Equal(level, logged.Level);
        Assert.Same(failure, logged.Exception);
    }
}
