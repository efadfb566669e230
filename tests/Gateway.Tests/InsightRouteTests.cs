using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Poker.Grains.Analytics;
using Orleans.Poker.Grains.Interfaces.Admin;
using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Gateway.Tests;

/// <summary><c>/api/admin/insights</c>: listed with filters and paging, acknowledged (audited); bad filters 400, unknown ids 404.</summary>
[Collection(GatewayCollection.Name)]
public sealed class InsightRouteTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Admins_list_insights_by_severity_kind_and_state_and_acknowledge_one_in_the_audit_log()
    {
        var kind = $"test_{Guid.NewGuid():N}";
        var store = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IInsightStore>();
        var stored = await store.OpenAsync(
        [
            new InsightCondition(kind, InsightSeverity.Warning, $"{kind}:t1", "t1", null, "Table t1 has 6 players waiting: open another table?", new Dictionary<string, double> { ["waitlist"] = 6 }),
            new InsightCondition(kind, InsightSeverity.Info, $"{kind}:room", null, null, "Traffic spike", new Dictionary<string, double>()),
        ], fixture.Time.GetUtcNow());
        var admin = await fixture.SignInAdmin();
        using var http = fixture.Http(admin.AccessToken);

        var warnings = await http.GetFromJsonAsync<JsonElement>($"/api/admin/insights?severity=warning&kind={kind}&open=true");
        var all = await http.GetFromJsonAsync<JsonElement>($"/api/admin/insights?kind={kind}&pageSize=1&page=2");
        var acknowledged = await http.PostAsync($"/api/admin/insights/{stored[0].Id}/acknowledge", null);
        var body = await acknowledged.Content.ReadFromJsonAsync<JsonElement>();
        var audit = await fixture.Grains.GetGrain<IAuditLogGrain>(0).Search(new AuditQuery(Action: "insight.acknowledge"));

        var item = Assert.Single(warnings.GetProperty("items").EnumerateArray());
        Assert.Equal(("Warning", $"{kind}:t1", 6), (item.GetProperty("severity").GetString(), item.GetProperty("conditionKey").GetString(), item.GetProperty("details").GetProperty("waitlist").GetInt32()));
        Assert.Equal(stored[0].Id, Assert.Single(all.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        Assert.Equal(admin.Player.Profile.PlayerId, body.GetProperty("acknowledgedBy").GetInt64());
        Assert.Contains(audit, e => e.Target == stored[0].Id.ToString(System.Globalization.CultureInfo.InvariantCulture) && e.AdminId == admin.Player.Profile.PlayerId);
    }

    [Theory]
    [InlineData("severity=urgent")]
    [InlineData("severity=1")]
    [InlineData("open=maybe")]
    [InlineData("pageSize=0")]
    [InlineData("page=-1")]
    public async Task A_bad_filter_is_refused_with_a_problem_that_names_it(string query)
    {
        var admin = await fixture.SignInAdmin();
        using var http = fixture.Http(admin.AccessToken);

        var response = await http.GetAsync($"/api/admin/insights?{query}");

        await Problems.AssertProblem(response, HttpStatusCode.BadRequest, mentions: query.Split('=')[0]);
    }

    [Fact]
    public async Task Acknowledging_an_unknown_insight_is_not_found_and_the_audit_log_says_it_was_refused()
    {
        var admin = await fixture.SignInAdmin();
        using var http = fixture.Http(admin.AccessToken);

        var response = await http.PostAsync($"/api/admin/insights/{long.MaxValue}/acknowledge", null);
        var audit = await fixture.Grains.GetGrain<IAuditLogGrain>(0).Search(new AuditQuery(Take: AuditQuery.MaxTake));

        await Problems.AssertProblem(response, HttpStatusCode.NotFound);
        var entries = audit.Where(e => e.Target == long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(["insight.acknowledge.failed", "insight.acknowledge"], entries.Select(e => e.Action));
        Assert.StartsWith("refused: not_found: ", entries[0].Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Players_may_not_read_or_acknowledge_insights()
    {
        var player = await fixture.SignInGuest();
        using var http = fixture.Http(player.AccessToken);

        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/api/admin/insights")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.PostAsync("/api/admin/insights/1/acknowledge", null)).StatusCode);
    }
}
