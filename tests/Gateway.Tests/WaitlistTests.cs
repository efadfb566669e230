using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed class WaitlistTests(GatewayFixture fixture)
{
    [Fact]
    public async Task The_waitlist_is_joined_through_the_table_only_when_it_is_full_and_its_length_is_listed()
    {
        var template = await fixture.NewTemplate(c => c with { MaxPlayers = 2, MinPlayers = 2 });
        var (ann, bob, cat) = (await fixture.SignInGuest("Ann"), await fixture.SignInGuest("Bob"), await fixture.SignInGuest("Cat"));
        var table = (await fixture.CreateTable(ann.AccessToken, template)).Table.TableId;
        await fixture.Sit(ann.AccessToken, table, 0);
        using var catHttp = fixture.Http(cat.AccessToken);
        using var annHttp = fixture.Http(ann.AccessToken);

        // A seat is free: sit down instead. A seated player cannot queue either.
        await Problems.AssertProblem(await catHttp.PostAsync($"/api/tables/{table}/waitlist", null), HttpStatusCode.Conflict, "seat_free");
        await fixture.Sit(bob.AccessToken, table, 1);
        await Problems.AssertProblem(await annHttp.PostAsync($"/api/tables/{table}/waitlist", null), HttpStatusCode.Conflict, "already_seated");
        Assert.Equal(0, await WaitlistLength(catHttp, table));

        var joined = await catHttp.PostAsync($"/api/tables/{table}/waitlist", null);
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        Assert.Equal(1, (await joined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("position").GetInt32());
        Assert.Equal(1, await WaitlistLength(catHttp, table));
        Assert.Equal(1, (await catHttp.GetFromJsonAsync<JsonElement>($"/api/tables/{table}/waitlist/position")).GetProperty("position").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await catHttp.DeleteAsync($"/api/tables/{table}/waitlist")).StatusCode);
        Assert.Equal(0, await WaitlistLength(catHttp, table));
    }

    [Fact]
    public async Task A_private_tables_waitlist_is_joined_only_with_its_invite_code()
    {
        var template = await fixture.NewTemplate(c => c with { MaxPlayers = 2, MinPlayers = 2 });
        var (ann, bob, cat, dan) = (await fixture.SignInGuest("Ann"), await fixture.SignInGuest("Bob"), await fixture.SignInGuest("Cat"), await fixture.SignInGuest("Dan"));
        using var annHttp = fixture.Http(ann.AccessToken);
        using var bobHttp = fixture.Http(bob.AccessToken);
        using var catHttp = fixture.Http(cat.AccessToken);
        using var danHttp = fixture.Http(dan.AccessToken);
        var created = await annHttp.PostAsJsonAsync("/api/tables", new { templateId = template, @private = true });
        var invite = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invite").GetString()!;
        var (table, code) = (invite[..invite.IndexOf(':')], invite[(invite.IndexOf(':') + 1)..]);
        (await annHttp.PostAsJsonAsync("/api/tables/join", new { invite, buyIn = 100 })).EnsureSuccessStatusCode();
        (await bobHttp.PostAsJsonAsync("/api/tables/join", new { invite, buyIn = 100 })).EnsureSuccessStatusCode();

        // Full: a player without the code (no body, an empty one, a wrong code) is refused as a seat is, and nobody is queued.
        var wrong = code[..^1] + (code[^1] == '0' ? '1' : '0');
        await Problems.AssertProblem(await catHttp.PostAsync($"/api/tables/{table}/waitlist", null), HttpStatusCode.Forbidden, "forbidden", "invite code");
        await Problems.AssertProblem(await catHttp.PostAsJsonAsync($"/api/tables/{table}/waitlist", new { }), HttpStatusCode.Forbidden, "forbidden", "invite code");
        await Problems.AssertProblem(await catHttp.PostAsJsonAsync($"/api/tables/{table}/waitlist", new { inviteCode = wrong }), HttpStatusCode.Forbidden, "forbidden", "invite code");
        await Problems.AssertProblem(await catHttp.PostAsync($"/api/tables/{table}/waitlist", new StringContent("{\"inviteCode\":5}", Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);
        Assert.Equal(0, await WaitlistLength(catHttp, table));
        Assert.Equal(JsonValueKind.Null, (await catHttp.GetFromJsonAsync<JsonElement>($"/api/tables/{table}/waitlist/position")).GetProperty("position").ValueKind);

        // With the code: queued, as the sit route takes it (inviteCode).
        var joined = await danHttp.PostAsJsonAsync($"/api/tables/{table}/waitlist", new { inviteCode = code });
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        Assert.Equal(1, (await joined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("position").GetInt32());
        Assert.Equal(1, await WaitlistLength(danHttp, table));
    }

    [Fact]
    public async Task Any_table_of_a_template_is_queued_for_through_the_templates_waitlist()
    {
        var template = await fixture.NewTemplate(c => c with { MaxPlayers = 2, MinPlayers = 2 });
        var privateTemplate = await fixture.NewTemplate(c => c with { IsPrivate = true });
        var table = $"{template}-1";
        await fixture.Grains.GetGrain<ITableGrain>(table).Create(new TableCreation(template, CreatedBy: 0));
        var (ann, bob, cat) = (await fixture.SignInGuest("Ann"), await fixture.SignInGuest("Bob"), await fixture.SignInGuest("Cat"));
        await fixture.Sit(ann.AccessToken, table, 0);
        using var catHttp = fixture.Http(cat.AccessToken);
        using var annHttp = fixture.Http(ann.AccessToken);

        // A seat is free now: the answer is the table, and nobody is queued.
        var sent = await (await catHttp.PostAsync($"/api/templates/{template}/waitlist", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((table, JsonValueKind.Null), (sent.GetProperty("tableId").GetString(), sent.GetProperty("position").ValueKind));
        await fixture.Sit(bob.AccessToken, table, 1);

        await Problems.AssertProblem(await catHttp.PostAsync("/api/templates/no-such-template/waitlist", null), HttpStatusCode.NotFound, "not_found");
        await Problems.AssertProblem(await catHttp.GetAsync("/api/templates/no-such-template/waitlist/position"), HttpStatusCode.NotFound, "not_found");
        await Problems.AssertProblem(await catHttp.PostAsync("/api/templates/Bad_Id/waitlist", null), HttpStatusCode.BadRequest, mentions: "templateId");
        await Problems.AssertProblem(await catHttp.PostAsync($"/api/templates/{privateTemplate}/waitlist", null), HttpStatusCode.Conflict, "not_queueable");
        await Problems.AssertProblem(await annHttp.PostAsync($"/api/templates/{template}/waitlist", null), HttpStatusCode.Conflict, "already_seated");
        Assert.Equal(JsonValueKind.Null, (await Position(catHttp, template)).ValueKind);

        var joined = await catHttp.PostAsync($"/api/templates/{template}/waitlist", null);
        Assert.Equal(1, (await joined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("position").GetInt32());
        await Problems.AssertProblem(await catHttp.PostAsync($"/api/templates/{template}/waitlist", null), HttpStatusCode.Conflict, "already_queued");
        Assert.Equal(1, (await Position(catHttp, template)).GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await catHttp.DeleteAsync($"/api/templates/{template}/waitlist")).StatusCode);
        Assert.Equal(JsonValueKind.Null, (await Position(catHttp, template)).ValueKind);
    }

    private static async Task<JsonElement> Position(HttpClient http, string template) =>
        (await http.GetFromJsonAsync<JsonElement>($"/api/templates/{template}/waitlist/position")).GetProperty("position");

    private static async Task<int> WaitlistLength(HttpClient http, string table) =>
        (await http.GetFromJsonAsync<JsonElement>($"/api/tables/{table}")).GetProperty("waitlistLength").GetInt32();
}
