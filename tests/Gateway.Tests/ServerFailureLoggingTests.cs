using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Orleans.Poker.Gateway.Contracts;
using Orleans.Poker.Gateway.Errors;
using Orleans.Poker.Gateway.Hubs;
using Orleans.Poker.Gateway.Relay;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.ServiceDefaults.Configuration;
using StackExchange.Redis;

namespace Orleans.Poker.Gateway.Tests;

/// <summary>
/// What a failed call leaves in the gateway's log: the cluster or the database not answering (a silo leaving, a database
/// restart, Redis behind the SignalR backplane) is a warning and the caller's <c>unavailable</c>, to try again; anything
/// else is an error, a bug of ours.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class ServerFailureLoggingTests(GatewayFixture fixture)
{
    public static TheoryData<Exception, string, LogLevel> Failures => new()
    {
        { new SiloUnavailableException("The local Orleans host is shutting down"), "unavailable", LogLevel.Warning },
        { new StoreUnavailableException(), "unavailable", LogLevel.Warning },
        { new RedisConnectionException(ConnectionFailureType.UnableToConnect, "No connection is active/available to service this operation: PUBLISH"), "unavailable", LogLevel.Warning },
        { new RedisTimeoutException("Timeout awaiting response", CommandStatus.Sent), "unavailable", LogLevel.Warning },
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

    [Fact]
    public async Task A_chat_line_posted_while_the_backplanes_redis_is_down_is_answered_unavailable_and_logged_as_a_warning()
    {
        using var logs = new LogCapture();
        await using var gateway = await fixture.StartGatewayWithRedisDown(host => host.Logging.AddProvider(logs));
        var server = gateway.GetTestServer();
        var guest = await SignInGuest(server, "Ria");
        using var http = server.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", guest.AccessToken);
        var table = (await (await http.PostAsJsonAsync("/api/tables", new { templateId = await fixture.NewTemplate() })).Content.ReadFromJsonAsync<TableCreatedResponse>(GatewayFixture.Json))!.Table.TableId;
        (await http.PostAsJsonAsync($"/api/tables/{table}/sit", new { buyIn = 100, seat = 0 })).EnsureSuccessStatusCode();

        var posted = await http.PostAsJsonAsync($"/api/tables/{table}/chat", new { text = "gl" });

        await Problems.AssertProblem(posted, HttpStatusCode.ServiceUnavailable, "unavailable");
        var logged = Assert.Single(logs.Entries, e => e.Category == typeof(PokerExceptionHandler).FullName);
        Assert.Equal(LogLevel.Warning, logged.Level);
        Assert.IsAssignableFrom<RedisConnectionException>(logged.Exception);
    }

    /// <summary>
    /// A lobby connection whose list cannot be read leaves no entry behind (SignalR runs no OnDisconnectedAsync after a
    /// failed OnConnectedAsync): unavailability closes it with a warning (the client may connect again); a bug is an error.
    /// </summary>
    [Theory]
    [MemberData(nameof(Failures))]
    public async Task A_lobby_connection_whose_list_cannot_be_read_is_closed_at_the_level_of_its_cause_and_leaves_nothing_behind(Exception failure, string code, LogLevel level)
    {
        using var logs = new LogCapture();
        var options = new PokerOptions { Auth = new AuthSettings { GuestSignIn = true }, Gateway = fixture.Options.Gateway };
        await using var gateway = await GatewayFixture.StartGateway(fixture.Cluster.Client, options, host =>
        {
            host.Services.AddSingleton(FailingLobby.Over(fixture.Grains, failure));
            host.Logging.AddProvider(logs);
        });
        var server = gateway.GetTestServer();
        var guest = await SignInGuest(server, "Lou");
        var relay = gateway.Services.GetRequiredService<LobbyRelay>();

        await using var lobby = await TableClient.Connect(server, guest.AccessToken, guest.Player.Profile.PlayerId, "/hubs/lobby");
        for (var i = 0; i < 100 && (lobby.Connection.State != HubConnectionState.Disconnected || relay.Connections > 0); i++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(HubConnectionState.Disconnected, lobby.Connection.State);
        Assert.Equal(0, relay.Connections);
        // The guard keeps no entry for the player's connection: there is nothing left to close.
        Assert.Equal(0, gateway.Services.GetRequiredService<HubGuardFilter>().CloseBanned(guest.Player.Profile.PlayerId));
        var logged = Assert.Single(logs.Entries, e => e.Level >= LogLevel.Warning && e.Exception == failure);
        Assert.Equal(level, logged.Level);
        Assert.Equal(code == "unavailable", logged.Category == typeof(HubGuardFilter).FullName);
    }

    private static async Task<AuthResponse> SignInGuest(TestServer server, string name)
    {
        using var anonymous = server.CreateClient();
        var response = await anonymous.PostAsJsonAsync("/api/auth/guest", new { name });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<AuthResponse>(GatewayFixture.Json))!;
    }
}
