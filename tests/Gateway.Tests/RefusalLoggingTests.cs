using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Poker.Gateway.Contracts;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.ServiceDefaults;
using Orleans.Poker.ServiceDefaults.Configuration;
using Serilog.Core;
using Serilog.Events;

namespace Orleans.Poker.Gateway.Tests;

/// <summary>
/// The services' logging setup (<see cref="LoggingSetup.AddPokerLogging"/>) as the processes use it: a player's
/// refused moves are no errors in the gateway's log, and the application's own Information events are kept while
/// Orleans' and ASP.NET's chatter is not. In the gateway collection: <c>AddPokerLogging</c> sets Serilog's static
/// logger, so hosts using it must not start concurrently.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class RefusalLoggingTests(GatewayFixture fixture)
{
    private const string Dispatcher = "Microsoft.AspNetCore.SignalR.Internal.DefaultHubDispatcher";

    [Fact]
    public async Task Refused_hub_actions_log_no_error_in_a_gateway_with_the_services_logging_and_are_logged_at_debug()
    {
        var capture = new LogEventCapture();
        var gateway = await StartGateway(capture);
        try
        {
            var server = gateway.GetTestServer();
            var template = await fixture.NewTemplate();
            var a = await SignIn(server, "Lia");
            var b = await SignIn(server, "Max");
            var table = await CreateTable(server, a.AccessToken, template);
            await Sit(server, a.AccessToken, table, 0);
            await Sit(server, b.AccessToken, table, 1);
            await using var clientA = await TableClient.Connect(server, a.AccessToken, a.Player.Profile.PlayerId);
            await using var clientB = await TableClient.Connect(server, b.AccessToken, b.Player.Profile.PlayerId);
            await clientA.Watch(table);
            await clientB.Watch(table);
            await fixture.AdvanceUntil(async () => (await fixture.PublicSnapshot(table)).View is { HandNo: 1, ActorSeat: not null });
            var view = (await fixture.PublicSnapshot(table)).View;
            var actorId = view.Seats.Single(s => s.Seat == view.ActorSeat).PlayerId;
            var (actor, waiting) = actorId == a.Player.Profile.PlayerId ? (clientA, clientB) : (clientB, clientA);
            Assert.True(await actor.WaitFor(() => actor.Turns.Any(t => t.TurnId == view.TurnId)), "no yourTurn arrived");
            var turn = actor.Turns.Single(t => t.TurnId == view.TurnId);
            var before = await fixture.PublicSnapshot(table);

            var refusals = new List<HubException>
            {
                await Assert.ThrowsAsync<HubException>(() => waiting.Act(turn, ActionKind.Call)),
                await Assert.ThrowsAsync<HubException>(() => actor.Act(turn with { TurnId = turn.TurnId - 1 }, ActionKind.Call)),
                await Assert.ThrowsAsync<HubException>(() => actor.Act(turn, ActionKind.Check)),
                await Assert.ThrowsAsync<HubException>(() => actor.Act(turn, ActionKind.BetOrRaise, 1_000_000)),
            };
            var after = await fixture.PublicSnapshot(table);
            var events = capture.Events;

            Assert.Equal(["not_your_turn", "stale_action", "cannot_check", "above_stack"], refusals.Select(Code));
            Assert.Equal(before.EventSeq, after.EventSeq);
            Assert.Empty(events.Where(e => e.Level >= LogEventLevel.Error).Select(e => $"{LogEventCapture.SourceOf(e)}: {e.RenderMessage()}"));
            Assert.DoesNotContain(events, e => LogEventCapture.SourceOf(e) == Dispatcher);
            // Each refusal is in the log, at Debug, with its code (so the sink did see the hub's refusals).
            var logged = events.Where(e => LogEventCapture.SourceOf(e) == typeof(Hubs.HubGuardFilter).FullName).ToList();
            Assert.Equal(["not_your_turn", "stale_action", "cannot_check", "above_stack"], logged.Select(e => LogEventCapture.PropertyOf(e, "Code")));
            Assert.All(logged, e => Assert.Equal(LogEventLevel.Debug, e.Level));
            // The gateway's own Information event about the table is kept although "Orleans" is turned down to Warning.
            Assert.Contains(events, e => e.Level == LogEventLevel.Information
                && LogEventCapture.SourceOf(e) == "Orleans.Poker.Gateway.Api.TableEndpoints"
                && LogEventCapture.PropertyOf(e, "TableId") == table);
        }
        finally
        {
            await gateway.StopAsync();
            await gateway.DisposeAsync();
        }
    }

    [Fact]
    public async Task Refused_requests_from_clients_that_do_not_ask_for_json_keep_their_status_get_a_problem_and_log_no_error()
    {
        var capture = new LogEventCapture();
        var gateway = await StartGateway(capture);
        try
        {
            var server = gateway.GetTestServer();
            var signedIn = await SignIn(server, "Ida");
            var requests = new (string Name, HttpRequestMessage Request, int Status, string Code)[]
            {
                ("no such table", new HttpRequestMessage(HttpMethod.Get, "/api/tables/no-such-table"), 404, "not_found"),
                ("an unknown refresh token, anonymous", new HttpRequestMessage(HttpMethod.Post, "/api/auth/refresh") { Content = JsonContent.Create(new { refreshToken = "x" }) }, 401, "invalid_refresh_token"),
                ("malformed JSON", new HttpRequestMessage(HttpMethod.Post, "/api/tables") { Content = new StringContent("{\"templateId\":", System.Text.Encoding.UTF8, "application/json") }, 400, "invalid_request"),
            };

            foreach (var (name, request, status, code) in requests)
            {
                using var http = Http(server, signedIn.AccessToken);
                request.Headers.Accept.ParseAdd("text/plain");
                using var response = await http.SendAsync(request);
                Assert.True(status == (int)response.StatusCode, $"{name}: {(int)response.StatusCode}");
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
                Assert.True(problem.GetProperty("code").GetString() == code, $"{name}: {problem}");
            }

            Assert.Empty(capture.Events.Where(e => e.Level >= LogEventLevel.Error).Select(e => $"{LogEventCapture.SourceOf(e)}: {e.RenderMessage()}"));
        }
        finally
        {
            await gateway.StopAsync();
            await gateway.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("Orleans.Poker.Grains.Tables.TableGrain", LogLevel.Information, true)]
    [InlineData("Orleans.Poker.Gateway.Api.TableEndpoints", LogLevel.Information, true)]
    [InlineData("Orleans.Poker.Gateway.Hubs.HubGuardFilter", LogLevel.Debug, false)]
    [InlineData("Orleans.Runtime.Catalog", LogLevel.Information, false)]
    [InlineData("Orleans.Runtime.Catalog", LogLevel.Warning, true)]
    [InlineData("Microsoft.AspNetCore.Routing.EndpointMiddleware", LogLevel.Information, false)]
    [InlineData("Microsoft.Hosting.Lifetime", LogLevel.Information, true)]
    [InlineData(Dispatcher, LogLevel.Error, false)]
    public async Task The_services_logging_keeps_the_applications_information_and_drops_framework_chatter(string category, LogLevel level, bool kept)
    {
        var capture = new LogEventCapture();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Services.AddSingleton<ILogEventSink>(capture);
        builder.AddPokerLogging(new PokerOptions());
        using var host = builder.Build();

        host.Services.GetRequiredService<ILoggerFactory>().CreateLogger(category).Log(level, "Probe {Category}", category);

        Assert.Equal(kept, capture.Events.Any(e => LogEventCapture.PropertyOf(e, "Category") == category));
    }

    [Fact]
    public async Task Requests_turned_down_for_their_form_get_the_4xx_that_says_why_as_a_problem_and_log_no_error()
    {
        var capture = new LogEventCapture();
        var gateway = await StartGateway(capture, new GatewaySettings { RequestsPerSecond = 1, RequestBurst = 12 });
        try
        {
            var server = gateway.GetTestServer();
            var signedIn = await SignIn(server, "Una");
            static HttpContent Body(string text, string contentType)
            {
                var content = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text));
                content.Headers.TryAddWithoutValidation("Content-Type", contentType);
                return content;
            }

            var requests = new (string Name, HttpRequestMessage Request, int Status)[]
            {
                // ASP.NET Core's JSON binding throws an InvalidOperationException for a charset it cannot read: it was a 500.
                ("an unknown charset", new HttpRequestMessage(HttpMethod.Post, "/api/auth/guest") { Content = Body("{\"name\":\"x\"}", "application/json; charset=bogus") }, 415),
                ("UTF-7", new HttpRequestMessage(HttpMethod.Put, "/api/players/me/profile") { Content = Body("{\"language\":\"en\"}", "application/json; charset=utf-7") }, 415),
                // The web client's fallback took these and answered 404.
                ("a body that is not JSON", new HttpRequestMessage(HttpMethod.Post, "/api/tables") { Content = Body("templateId", "text/plain") }, 415),
                ("another method", new HttpRequestMessage(HttpMethod.Put, "/api/tables/tnosuchtable000/sit"), 405),
                ("an unknown route", new HttpRequestMessage(HttpMethod.Post, "/api/no-such-route"), 404),
                // A number no status has was an empty list.
                ("an unknown status", new HttpRequestMessage(HttpMethod.Get, "/api/tables?status=99"), 400),
                ("a name that shows nothing", new HttpRequestMessage(HttpMethod.Put, "/api/players/me/profile") { Content = JsonContent.Create(new { displayName = "\uFEFF\u200F" }) }, 400),
                ("a name with a line separator", new HttpRequestMessage(HttpMethod.Put, "/api/players/me/profile") { Content = JsonContent.Create(new { displayName = "Ann\u2028Admin" }) }, 400),
            };

            using var http = Http(server, signedIn.AccessToken);
            foreach (var (name, request, status) in requests)
            {
                using var response = await http.SendAsync(request);
                Assert.True(status == (int)response.StatusCode, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", $"{name}: {response.Content.Headers.ContentType}");
            }

            // The rate limit's refusal is a problem too (it was sent as application/json).
            HttpResponseMessage limited;
            do
            {
                limited = await http.GetAsync("/api/maintenance");
            }
            while (limited.StatusCode != System.Net.HttpStatusCode.TooManyRequests);

            Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
            Assert.Equal("rate_limited", (await limited.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("code").GetString());
            Assert.Empty(capture.Events.Where(e => e.Level >= LogEventLevel.Error).Select(e => $"{LogEventCapture.SourceOf(e)}: {e.RenderMessage()}"));
        }
        finally
        {
            await gateway.StopAsync();
            await gateway.DisposeAsync();
        }
    }

    /// <summary>A gateway with the services' logging at Debug, its events in <paramref name="capture"/>.</summary>
    private Task<WebApplication> StartGateway(LogEventCapture capture, GatewaySettings? gatewaySettings = null)
    {
        var options = new PokerOptions
        {
            Auth = new AuthSettings { GuestSignIn = true },
            Gateway = gatewaySettings ?? fixture.Options.Gateway,
            Logging = new LogSettings { Level = "Debug", Format = "text" },
        };
        return GatewayFixture.StartGateway(fixture.Cluster.Client, options, host =>
        {
            host.Services.AddSingleton<ILogEventSink>(capture);
            host.AddPokerLogging(options);
        });
    }

    /// <summary>The code of a refusal: the hub filter throws <c>code: message</c>, which the client sees after the exception's type.</summary>
    private static string Code(HubException refusal)
    {
        var text = refusal.Message[(refusal.Message.IndexOf(nameof(HubException) + ": ", StringComparison.Ordinal) + nameof(HubException).Length + 2)..];
        return text[..text.IndexOf(':', StringComparison.Ordinal)];
    }

    private static HttpClient Http(TestServer server, string? accessToken = null)
    {
        var http = server.CreateClient();
        if (accessToken is not null)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        return http;
    }

    private static async Task<AuthResponse> SignIn(TestServer server, string name)
    {
        using var http = Http(server);
        var response = await http.PostAsJsonAsync("/api/auth/guest", new { name });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<AuthResponse>(GatewayFixture.Json))!;
    }

    private static async Task<string> CreateTable(TestServer server, string accessToken, string templateId)
    {
        using var http = Http(server, accessToken);
        var response = await http.PostAsJsonAsync("/api/tables", new { templateId });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TableCreatedResponse>(GatewayFixture.Json))!.Table.TableId;
    }

    private static async Task Sit(TestServer server, string accessToken, string tableId, int seat)
    {
        using var http = Http(server, accessToken);
        var response = await http.PostAsJsonAsync($"/api/tables/{tableId}/sit", new { buyIn = 100, seat });
        response.EnsureSuccessStatusCode();
    }
}
