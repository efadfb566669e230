using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Orleans.Poker.Gateway.Contracts;
using Orleans.Poker.Gateway.Relay;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Gateway.Tests;

/// <summary>
/// Every action names the turn it answers (hand number and the table's turn id), over SignalR and REST: a check
/// facing a bet, a replayed or kept action, and a request without its turn are refused and change nothing.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class TurnTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Check_while_facing_a_bet_is_refused_over_signalr_with_cannot_check_and_changes_nothing()
    {
        await using var game = await HeadsUp.Deal(fixture);
        var turn = await TurnOf(game.Actor, _ => true);
        var before = await fixture.PublicSnapshot(game.Table);

        var refused = await Assert.ThrowsAsync<HubException>(() => game.Actor.Client.Act(turn, ActionKind.Check));
        var after = await fixture.PublicSnapshot(game.Table);
        var called = await game.Actor.Client.Act(turn, ActionKind.Call);
        Assert.True(await game.Actor.Client.WaitFor(() => game.Actor.Client.Events.Any(e => e.EventSeq == called.EventSeq)));

        Assert.False(turn.Legal.CanCheck, "the small blind faces the big blind");
        Assert.Contains("cannot_check", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before.EventSeq, after.EventSeq);
        Assert.Equal(before.TableVersion, after.TableVersion);
        Assert.Equal(before.View.ActorSeat, after.View.ActorSeat);
        Assert.Equal(before.View.Seats.Select(s => (s.PlayerId, s.Bet, s.Stack, s.Folded)), after.View.Seats.Select(s => (s.PlayerId, s.Bet, s.Stack, s.Folded)));
        // The same turn is still open: the call the check was not turned into is accepted, and says what it did.
        Assert.Equal(before.EventSeq + 1, called.EventSeq);
        Assert.EndsWith("calls 1", game.Actor.Client.Events.Single(e => e.EventSeq == called.EventSeq).Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_action_naming_an_earlier_turn_is_stale_and_a_retry_of_an_accepted_one_returns_its_first_answer()
    {
        await using var game = await HeadsUp.Deal(fixture);
        var first = await TurnOf(game.Actor, _ => true);
        var called = await Act(game.Actor, first, ActionKind.Call, clientSeq: 1);
        var second = await TurnOf(game.Waiting, t => t.TurnId != first.TurnId);

        // The small blind replays its turn (a fresh sequence number) while the big blind is to act.
        var replayed = await Assert.ThrowsAsync<HubException>(() => Act(game.Actor, first, ActionKind.Call, clientSeq: 2));
        var checkedPreflop = await Act(game.Waiting, second, ActionKind.Check, clientSeq: 1);
        var third = await TurnOf(game.Waiting, t => t.TurnId != second.TurnId);
        var before = await fixture.PublicSnapshot(game.Table);

        // The big blind is to act again (first on the flop): its preflop check, replayed, is not a flop check.
        var replayedOnItsNextTurn = await Assert.ThrowsAsync<HubException>(() => Act(game.Waiting, second, ActionKind.Check, clientSeq: 2));
        var retriedCall = await Act(game.Actor, first, ActionKind.Call, clientSeq: 1);
        var retriedCheck = await Act(game.Waiting, second, ActionKind.Check, clientSeq: 1);
        var after = await fixture.PublicSnapshot(game.Table);

        Assert.Contains("stale_action", replayed.Message, StringComparison.Ordinal);
        Assert.Contains("stale_action", replayedOnItsNextTurn.Message, StringComparison.Ordinal);
        Assert.Equal(called, retriedCall);
        Assert.Equal(checkedPreflop, retriedCheck);
        Assert.Equal(first.HandNo, third.HandNo);
        Assert.True(first.TurnId < second.TurnId && second.TurnId < third.TurnId, "each turn has a new id");
        Assert.Equal(1, before.View.Street);
        Assert.Equal(before.EventSeq, after.EventSeq);
        Assert.Equal(before.TableVersion, after.TableVersion);
        Assert.Equal(third.TurnId, after.View.TurnId);
        Assert.Equal(before.View.Seats.Select(s => (s.PlayerId, s.Bet, s.Stack)), after.View.Seats.Select(s => (s.PlayerId, s.Bet, s.Stack)));
    }

    [Fact]
    public async Task The_act_route_wants_the_turn_refuses_a_stale_one_with_409_and_takes_the_current_one()
    {
        await using var game = await HeadsUp.Deal(fixture);
        using var actor = fixture.Http(game.Actor.Auth.AccessToken);
        using var waiting = fixture.Http(game.Waiting.Auth.AccessToken);
        var path = $"/api/tables/{game.Table}/act";
        var view = (await actor.GetFromJsonAsync<TableSnapshot>($"/api/tables/{game.Table}/state", GatewayFixture.Json))!.View;
        var before = await fixture.PublicSnapshot(game.Table);

        var noTurn = await actor.PostAsJsonAsync(path, new { action = "Call", handNo = view.HandNo, clientSeq = 1 });
        var zeroTurn = await actor.PostAsJsonAsync(path, new { action = "Call", handNo = view.HandNo, turnId = 0, clientSeq = 2 });
        var wrongTurn = await actor.PostAsJsonAsync(path, new { action = "Call", handNo = view.HandNo, turnId = view.TurnId + 1, clientSeq = 3 });
        var unchanged = await fixture.PublicSnapshot(game.Table);
        var accepted = await actor.PostAsJsonAsync(path, new { action = "Call", handNo = view.HandNo, turnId = view.TurnId, clientSeq = 4 });
        var next = (await waiting.GetFromJsonAsync<TableSnapshot>($"/api/tables/{game.Table}/state", GatewayFixture.Json))!.View;
        // The big blind answers with the small blind's turn: that turn is over.
        var stale = await waiting.PostAsJsonAsync(path, new { action = "Check", handNo = view.HandNo, turnId = view.TurnId, clientSeq = 1 });
        var afterStale = await fixture.PublicSnapshot(game.Table);

        await Problems.AssertProblem(noTurn, HttpStatusCode.BadRequest, "invalid_input", "turnId");
        await Problems.AssertProblem(zeroTurn, HttpStatusCode.BadRequest, "invalid_input", "turnId");
        await Problems.AssertProblem(wrongTurn, HttpStatusCode.Conflict, "stale_action", "earlier turn");
        await Problems.AssertProblem(stale, HttpStatusCode.Conflict, "stale_action", "earlier turn");
        Assert.Equal(before.EventSeq, unchanged.EventSeq);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var result = (await accepted.Content.ReadFromJsonAsync<ActResult>(GatewayFixture.Json))!;
        Assert.Equal(before.EventSeq + 1, result.EventSeq);
        Assert.Equal(4, result.ClientSeq);
        Assert.NotEqual(view.TurnId, next.TurnId);
        Assert.Equal(next.ActorSeat, afterStale.View.ActorSeat);
        Assert.Equal(result.EventSeq, afterStale.EventSeq);
    }

    [Fact]
    public async Task An_action_without_its_clientSeq_is_refused_with_invalid_input_over_rest_and_signalr_and_changes_nothing()
    {
        await using var game = await HeadsUp.Deal(fixture);
        using var actor = fixture.Http(game.Actor.Auth.AccessToken);
        var turn = await TurnOf(game.Actor, _ => true);
        var path = $"/api/tables/{game.Table}/act";
        var before = await fixture.PublicSnapshot(game.Table);

        // Without a sequence number every action would be a "repeat" of the first one and be answered with its answer.
        var missing = await actor.PostAsJsonAsync(path, new { action = "Call", handNo = turn.HandNo, turnId = turn.TurnId });
        var zero = await actor.PostAsJsonAsync(path, new { action = "Call", handNo = turn.HandNo, turnId = turn.TurnId, clientSeq = 0 });
        var zeroOverHub = await Assert.ThrowsAsync<HubException>(() => Act(game.Actor, turn, ActionKind.Call, clientSeq: 0));
        var after = await fixture.PublicSnapshot(game.Table);
        var called = await Act(game.Actor, turn, ActionKind.Call, clientSeq: 1);

        await Problems.AssertProblem(missing, HttpStatusCode.BadRequest, "invalid_input", "clientSeq");
        await Problems.AssertProblem(zero, HttpStatusCode.BadRequest, "invalid_input", "clientSeq");
        Assert.Contains("invalid_input: clientSeq", zeroOverHub.Message, StringComparison.Ordinal);
        Assert.Equal(before.EventSeq, after.EventSeq);
        Assert.Equal(before.TableVersion, after.TableVersion);
        Assert.Equal(before.EventSeq + 1, called.EventSeq);
    }

    [Fact]
    public async Task A_list_of_action_names_is_refused_over_rest_and_signalr_and_changes_nothing()
    {
        await using var game = await HeadsUp.Deal(fixture);
        using var actor = fixture.Http(game.Actor.Auth.AccessToken);
        var turn = await TurnOf(game.Actor, _ => true);
        var before = await fixture.PublicSnapshot(game.Table);

        // Read as names OR-ed together, "Check, Call" was BetOrRaise (1 | 2), and the table raised.
        var listed = await actor.PostAsJsonAsync($"/api/tables/{game.Table}/act", new { action = "Fold, Call", handNo = turn.HandNo, turnId = turn.TurnId, clientSeq = 1 });
        var overHub = await Assert.ThrowsAsync<HubException>(() =>
            game.Actor.Client.Connection.InvokeAsync<ActResult>("Act", game.Table, turn.HandNo, turn.TurnId, "Check, Call", 10L, null, 2L));
        var preAct = await Assert.ThrowsAsync<HubException>(() =>
            game.Waiting.Client.Connection.InvokeAsync<PreAction?>("PreAct", game.Table, turn.HandNo, "Check, Call", 0L));
        var after = await fixture.PublicSnapshot(game.Table);
        var called = await Act(game.Actor, turn, ActionKind.Call, clientSeq: 3);

        Assert.Equal(HttpStatusCode.BadRequest, listed.StatusCode);
        Assert.Equal("application/problem+json", listed.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(overHub);
        Assert.NotNull(preAct);
        Assert.Equal((before.EventSeq, before.TableVersion), (after.EventSeq, after.TableVersion));
        Assert.Equal(before.EventSeq + 1, called.EventSeq);
    }

    [Fact]
    public async Task A_pre_selected_check_is_played_when_the_turn_comes_and_no_other_player_ever_sees_it()
    {
        await using var game = await HeadsUp.Deal(fixture);
        var turn = await TurnOf(game.Actor, _ => true);

        var kept = await game.Waiting.Client.Connection.InvokeAsync<PreAction?>("PreAct", game.Table, turn.HandNo, PreActionKind.Check, 0L);
        var refusedOnOwnTurn = await Assert.ThrowsAsync<HubException>(() =>
            game.Actor.Client.Connection.InvokeAsync<PreAction?>("PreAct", game.Table, turn.HandNo, PreActionKind.CallAny, 0L));
        await game.Actor.Client.Act(turn, ActionKind.Call);
        Assert.True(await game.Actor.Client.WaitFor(() => game.Actor.Client.Events.Any(e => e.Description.EndsWith("checks (pre-selected)", StringComparison.Ordinal))),
            "the big blind's pre-selected check was played");

        Assert.Equal(new PreAction(PreActionKind.Check), kept);
        Assert.Contains("your_turn", refusedOnOwnTurn.Message, StringComparison.Ordinal);
        Assert.Equal(1, (await fixture.PublicSnapshot(game.Table)).View.Street); // the flop was dealt
        Assert.DoesNotContain(game.Actor.Client.RawPayloads, p => p.Contains("\"preAction\":{", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_pre_action_route_refuses_bad_input_with_a_clear_4xx_and_changes_nothing()
    {
        await using var game = await HeadsUp.Deal(fixture);
        using var actor = fixture.Http(game.Actor.Auth.AccessToken);
        using var waiting = fixture.Http(game.Waiting.Auth.AccessToken);
        var stranger = await fixture.SignInGuest("Cy");
        using var outsider = fixture.Http(stranger.AccessToken);
        var path = $"/api/tables/{game.Table}/pre-action";
        var handNo = (await fixture.PublicSnapshot(game.Table)).View.HandNo;
        var before = await fixture.PublicSnapshot(game.Table);

        var unknownKind = await waiting.PostAsJsonAsync(path, new { handNo, kind = 42 });
        var noHand = await waiting.PostAsJsonAsync(path, new { kind = "CallAny" });
        var negative = await waiting.PostAsJsonAsync(path, new { handNo, kind = "Call", amount = -1 });
        var stale = await waiting.PostAsJsonAsync(path, new { handNo = handNo + 1, kind = "CallAny" });
        var ownTurn = await actor.PostAsJsonAsync(path, new { handNo, kind = "CallAny" });
        var notSeated = await outsider.PostAsJsonAsync(path, new { handNo, kind = "CallAny" });
        var badTable = await waiting.PostAsJsonAsync("/api/tables/no%20such/pre-action", new { handNo, kind = "CallAny" });
        var after = await fixture.PublicSnapshot(game.Table);
        var kept = await waiting.PostAsJsonAsync(path, new { handNo, kind = "CallAny" });
        var cleared = await waiting.PostAsJsonAsync(path, new { handNo });

        await Problems.AssertProblem(unknownKind, HttpStatusCode.BadRequest, "invalid_input", "kind");
        await Problems.AssertProblem(noHand, HttpStatusCode.BadRequest, "invalid_input", "handNo");
        await Problems.AssertProblem(negative, HttpStatusCode.BadRequest, "invalid_input", "amount");
        await Problems.AssertProblem(stale, HttpStatusCode.Conflict, "stale_action");
        await Problems.AssertProblem(ownTurn, HttpStatusCode.Conflict, "your_turn");
        await Problems.AssertProblem(notSeated, HttpStatusCode.Conflict, "not_seated");
        await Problems.AssertProblem(badTable, HttpStatusCode.BadRequest, "invalid_input", "tableId");
        Assert.Equal(before.TableVersion, after.TableVersion);
        Assert.Equal(new PreAction(PreActionKind.CallAny), (await kept.Content.ReadFromJsonAsync<PreActionResponse>(GatewayFixture.Json))!.PreAction);
        Assert.Null((await cleared.Content.ReadFromJsonAsync<PreActionResponse>(GatewayFixture.Json))!.PreAction);
    }

    private static Task<ActResult> Act(Player player, YourTurnMessage turn, ActionKind action, long clientSeq) =>
        player.Client.Connection.InvokeAsync<ActResult>("Act", turn.TableId, turn.HandNo, turn.TurnId, action, 0L, (IReadOnlyList<string>?)null, clientSeq);

    /// <summary>The latest <c>yourTurn</c> of <paramref name="player"/> that matches, waiting for it.</summary>
    private static async Task<YourTurnMessage> TurnOf(Player player, Func<YourTurnMessage, bool> match)
    {
        Assert.True(await player.Client.WaitFor(() => player.Client.Turns.Any(match)), "no matching yourTurn arrived");
        return player.Client.Turns.Last(match);
    }

    private sealed record Player(AuthResponse Auth, TableClient Client);

    /// <summary>Two guests seated heads-up and watching, their first hand dealt: the small blind is to act.</summary>
    private sealed record HeadsUp(string Table, Player Actor, Player Waiting) : IAsyncDisposable
    {
        public static async Task<HeadsUp> Deal(GatewayFixture fixture)
        {
            var template = await fixture.NewTemplate();
            var a = await fixture.SignInGuest("Ada");
            var b = await fixture.SignInGuest("Ben");
            var table = (await fixture.CreateTable(a.AccessToken, template)).Table.TableId;
            await fixture.Sit(a.AccessToken, table, 0);
            await fixture.Sit(b.AccessToken, table, 1);
            var players = new List<Player>();
            foreach (var auth in new[] { a, b })
            {
                var client = await TableClient.Connect(fixture.Server, auth.AccessToken, auth.Player.Profile.PlayerId);
                await client.Watch(table);
                players.Add(new Player(auth, client));
            }

            await fixture.AdvanceUntil(async () => (await fixture.PublicSnapshot(table)).View is { HandNo: 1, ActorSeat: not null });
            var view = (await fixture.PublicSnapshot(table)).View;
            var actorId = view.Seats.Single(s => s.Seat == view.ActorSeat).PlayerId;
            var actor = players.Single(p => p.Auth.Player.Profile.PlayerId == actorId);
            return new HeadsUp(table, actor, players.Single(p => p != actor));
        }

        public async ValueTask DisposeAsync()
        {
            await Actor.Client.DisposeAsync();
            await Waiting.Client.DisposeAsync();
        }
    }
}
