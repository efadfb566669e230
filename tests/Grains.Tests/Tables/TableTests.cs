using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Lobby;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Tables.Model;

namespace Orleans.Poker.Grains.Tests.Tables;

[Collection(ClusterCollection.Name)]
public sealed class TableTests(ClusterFixture fixture)
{
    private readonly TableKit kit = new(fixture.Client, fixture.Time);

    [Fact]
    public async Task Sitting_down_moves_the_buy_in_from_the_balance_to_the_seat()
    {
        var table = await kit.NewTable(TableKit.Holdem());
        var player = await kit.NewPlayer();
        var before = await kit.Balance(player);

        var seat = await table.Sit(new SeatRequest(player, "Ann", 150));

        var view = (await table.GetSnapshot(player)).View;
        Assert.Equal(before - 150, await kit.Balance(player));
        Assert.Equal(150, view.Seats[seat].Stack);
        Assert.Equal(player, view.Seats[seat].PlayerId);
    }

    [Fact]
    public async Task Buy_in_outside_the_template_range_is_refused_and_changes_nothing()
    {
        var table = await kit.NewTable(TableKit.Holdem());
        var player = await kit.NewPlayer();
        var before = await kit.Balance(player);
        var version = (await table.GetSnapshot(null)).TableVersion;

        var error = await Assert.ThrowsAsync<PokerException>(() => table.Sit(new SeatRequest(player, "Ann", 5000)));

        Assert.Equal("invalid_buy_in", error.Code);
        Assert.Equal(before, await kit.Balance(player));
        Assert.Equal(version, (await table.GetSnapshot(null)).TableVersion);
    }

    [Fact]
    public async Task A_hand_starts_by_itself_after_the_pause_when_two_players_sit()
    {
        var table = await kit.NewTable(TableKit.Holdem());
        await kit.Seat(table, 2);

        var snapshot = await kit.StartNextHand(table);

        Assert.Equal(TableStatus.Active, snapshot.View.Status);
        Assert.Equal(1, snapshot.View.HandNo);
        Assert.Equal(3, snapshot.View.Pots.Sum(p => p.Amount));
        Assert.Equal(3, snapshot.View.Seats.Sum(s => s.Bet));
    }

    [Theory]
    [InlineData("NT")]
    [InlineData("PO")]
    [InlineData("F7S")]
    [InlineData("FR")]
    [InlineData("F2L3D")]
    [InlineData("FB")]
    [InlineData("FO/8")]
    [InlineData("NS")]
    public async Task A_full_hand_plays_to_the_end_and_chips_are_conserved(string variant)
    {
        var stud = variant is "F7S" or "FR" or "F7S/8";
        var table = await kit.NewTable(TableKit.Holdem(c => c with
        {
            Variant = variant,
            SmallBlind = stud ? 0 : 1,
            BigBlind = stud ? 0 : 2,
            Ante = stud ? 1 : 0,
            BringIn = stud ? 1 : 0,
            SmallBet = 2,
            BigBet = 4,
            MinBuyIn = 40,
            MaxPlayers = 4,
        }));
        var players = await kit.Seat(table, 3);
        var start = await kit.StartNextHand(table);

        var actions = await kit.PlayPassivelyToEnd(table, start.View.HandNo);

        var view = (await table.GetSnapshot(null)).View;
        Assert.True(actions > 0);
        Assert.NotNull(view.LastResult);
        Assert.Equal(300, view.Seats.Sum(s => s.Stack));
        Assert.NotNull(await table.GetHandHistory(start.View.HandNo));
        Assert.All(players, p => Assert.Contains(view.Seats, s => s.PlayerId == p));
    }

    [Fact]
    public async Task Raise_below_the_minimum_is_rejected_and_changes_nothing()
    {
        var table = await kit.NewTable(TableKit.Holdem());
        await kit.Seat(table, 3);
        await kit.StartNextHand(table);
        var (player, mine, turn) = await kit.Actor(table);
        var before = await table.GetSnapshot(null);

        var error = await Assert.ThrowsAsync<PokerException>(() => table.Act(player, turn, new PlayerAction(ActionKind.BetOrRaise, mine.Legal!.MinRaiseTo - 1), kit.NextSeq()));

        var after = await table.GetSnapshot(null);
        Assert.Equal("below_minimum_raise", error.Code);
        Assert.Equal(before.TableVersion, after.TableVersion);
        Assert.Equal(before.EventSeq, after.EventSeq);
        Assert.Equal(before.View.ActorSeat, after.View.ActorSeat);
    }

    [Fact]
    public async Task Acting_out_of_turn_is_rejected()
    {
        var table = await kit.NewTable(TableKit.Holdem());
        var players = await kit.Seat(table, 3);
        await kit.StartNextHand(table);
        var (actor, _, turn) = await kit.Actor(table);
        var other = players.First(p => p != actor);

        var error = await Assert.ThrowsAsync<PokerException>(() => table.Act(other, turn, new PlayerAction(ActionKind.Fold), kit.NextSeq()));

        Assert.Equal("not_your_turn", error.Code);
        Assert.Equal(409, error.Status);
    }

    [Fact]
    public async Task A_repeated_client_sequence_number_is_applied_once()
    {
        var table = await kit.NewTable(TableKit.Holdem());
        await kit.Seat(table, 3);
        await kit.StartNextHand(table);
        var (player, _, turn) = await kit.Actor(table);
        var seq = kit.NextSeq();

        var first = await table.Act(player, turn, new PlayerAction(ActionKind.Call), seq);
        var again = await table.Act(player, turn, new PlayerAction(ActionKind.Call), seq);

        Assert.Equal(first, again);
        Assert.Equal(first.EventSeq, (await table.GetSnapshot(null)).EventSeq);
    }

    [Fact]
    public async Task Timeouts_check_when_free_else_fold_and_sit_the_player_out()
    {
        var table = await kit.NewTable(TableKit.Holdem(c => c with { TimeoutsBeforeSitOut = 1 }));
        await kit.Seat(table, 3);
        var start = await kit.StartNextHand(table);
        var actorSeat = start.View.ActorSeat!.Value;
        var observer = new RecordingObserver();
        await table.Subscribe(fixture.Client.CreateObjectReference<ITableObserver>(observer));

        kit.Time.Advance(TimeSpan.FromSeconds(21));

        // The clock's tick runs on the table as soon as it can: await the event of the fold, not a fixed time.
        await observer.WaitFor(e => e.View.Seats[actorSeat].Folded);
        var view = (await table.GetSnapshot(null)).View;
        Assert.True(view.Seats[actorSeat].Folded);
        Assert.True(view.Seats[actorSeat].SittingOut);
        Assert.NotEqual(actorSeat, view.ActorSeat);
        Assert.Equal(1, (await table.GetSummary()).Timeouts);
    }

    [Fact]
    public async Task A_renewal_subscribes_and_answers_the_newest_event_number_in_one_call()
    {
        var table = await kit.NewTable(TableKit.Holdem());
        await kit.Seat(table, 2);
        var start = await kit.StartNextHand(table);
        var observer = new RecordingObserver();

        var newest = await table.Renew(fixture.Client.CreateObjectReference<ITableObserver>(observer));
        var (player, _, turn) = await kit.Actor(table);
        await table.Act(player, turn, new PlayerAction(ActionKind.Fold), kit.NextSeq());
        var next = await observer.WaitFor(e => e.Kind == TableEventKind.Action);

        Assert.Equal(start.EventSeq, newest);
        Assert.Equal(newest + 1, next.EventSeq);
        var missing = fixture.Client.GetGrain<ITableGrain>($"tbl-{Guid.NewGuid():N}");
        Assert.Equal(404, (await Assert.ThrowsAsync<PokerException>(() => missing.Renew(fixture.Client.CreateObjectReference<ITableObserver>(observer)))).Status);
    }

    [Fact]
    public async Task An_expiring_table_warns_then_closes_and_cashes_everyone_out()
    {
        var table = await kit.NewTable(TableKit.Holdem(c => c with
        {
            Type = TableType.Expiring,
            TimeToLive = TimeSpan.FromMinutes(10),
            ExpiryWarning = TimeSpan.FromMinutes(2),
        }));
        var player = await kit.NewPlayer();
        var before = await kit.Balance(player);
        await table.Sit(new SeatRequest(player, "Solo", 100));
        var observer = new RecordingObserver();
        await table.Subscribe(fixture.Client.CreateObjectReference<ITableObserver>(observer));

        kit.Time.Advance(TimeSpan.FromMinutes(8) + TimeSpan.FromSeconds(1));
        await observer.WaitFor(e => e.Kind == TableEventKind.ExpiryWarning);
        kit.Time.Advance(TimeSpan.FromMinutes(2));
        await observer.WaitFor(e => e.View.Status == TableStatus.Ended);

        Assert.Equal(TableStatus.Ended, (await table.GetSummary()).Status);
        Assert.Equal(before, await kit.Balance(player));
    }

    [Fact]
    public async Task A_private_table_needs_its_invite_code()
    {
        var table = await kit.NewTable(TableKit.Holdem(c => c with { IsPrivate = true }));
        var player = await kit.NewPlayer();

        var refused = await Assert.ThrowsAsync<PokerException>(() => table.Sit(new SeatRequest(player, "X", 100, InviteCode: "wrong")));
        var owner = 1;
        var code = await table.GetInviteCode(owner);
        var seat = await table.Sit(new SeatRequest(player, "X", 100, InviteCode: code));

        Assert.Equal(403, refused.Status);
        Assert.Equal(player, (await table.GetSnapshot(null)).View.Seats[seat].PlayerId);
    }

    [Fact]
    public async Task A_table_created_private_from_a_public_template_needs_its_invite_code()
    {
        var templateId = $"t-{Guid.NewGuid():N}";
        await fixture.Client.GetGrain<ITemplateGrain>(templateId).Create(TableKit.Holdem());
        var table = fixture.Client.GetGrain<ITableGrain>($"tbl-{Guid.NewGuid():N}");
        var creator = await kit.NewPlayer();

        var summary = await table.Create(new TableCreation(templateId, creator, Private: true));
        var player = await kit.NewPlayer();
        var refused = await Assert.ThrowsAsync<PokerException>(() => table.Sit(new SeatRequest(player, "X", 100)));
        var seat = await table.Sit(new SeatRequest(player, "X", 100, InviteCode: await table.GetInviteCode(creator)));

        Assert.True(summary.IsPrivate);
        Assert.Equal(403, refused.Status);
        Assert.Equal(player, (await table.GetSnapshot(null)).View.Seats[seat].PlayerId);
    }

    [Fact]
    public async Task A_private_table_queues_only_a_player_who_gives_its_invite_code()
    {
        var table = await kit.NewTable(TableKit.Holdem(c => c with { IsPrivate = true, MaxPlayers = 2, PauseBetweenHands = TimeSpan.FromSeconds(60) }));
        var creator = 1;
        var code = await table.GetInviteCode(creator);
        var waitlist = fixture.Client.GetGrain<IWaitlistGrain>(table.GetPrimaryKeyString());
        foreach (var id in new[] { await kit.NewPlayer(), await kit.NewPlayer() })
        {
            await table.Sit(new SeatRequest(id, "P", 100, InviteCode: code));
        }

        var (uninvited, invited) = (await kit.NewPlayer(), await kit.NewPlayer());
        var version = (await table.GetSnapshot(null)).TableVersion;

        // Without the code, with a wrong one, through the method without one (the earlier release's callers), and the
        // creator without it too (as for a seat): refused.
        var refusals = new[]
        {
            await Assert.ThrowsAsync<PokerException>(() => table.JoinWaitlist(uninvited, "uninvited", null)),
            await Assert.ThrowsAsync<PokerException>(() => table.JoinWaitlist(uninvited, "uninvited", code[..^1] + (code[^1] == '0' ? '1' : '0'))),
            await Assert.ThrowsAsync<PokerException>(() => table.JoinWaitlist(uninvited, "uninvited")),
            await Assert.ThrowsAsync<PokerException>(() => table.JoinWaitlist(creator, "creator", null)),
        };
        var unchanged = ((await waitlist.List()).Count, (await table.GetSummary()).WaitlistLength, (await table.GetSnapshot(null)).TableVersion);
        var position = await table.JoinWaitlist(invited, "invited", code);

        Assert.All(refusals, e => Assert.Equal(("forbidden", 403, "This private table needs its invite code"), (e.Code, e.Status, e.Message)));
        Assert.Equal((0, 0, version), unchanged);
        Assert.Null(await waitlist.GetPosition(uninvited));
        Assert.Equal(1, position);
        Assert.Equal(1, await waitlist.GetPosition(invited));
        Assert.Equal(1, (await table.GetSummary()).WaitlistLength);
    }

    [Fact]
    public async Task At_a_private_table_the_seat_held_for_an_invited_player_is_taken_without_the_code_and_only_by_them()
    {
        var table = await kit.NewTable(TableKit.Holdem(c => c with { IsPrivate = true, MaxPlayers = 2, SeatHoldTime = TimeSpan.FromSeconds(30), PauseBetweenHands = TimeSpan.FromSeconds(60) }));
        var code = await table.GetInviteCode(1);
        var seated = new List<long>();
        foreach (var id in new[] { await kit.NewPlayer(), await kit.NewPlayer() })
        {
            await table.Sit(new SeatRequest(id, "P", 100, InviteCode: code));
            seated.Add(id);
        }

        var (invited, other) = (await kit.NewPlayer(), await kit.NewPlayer());
        await table.JoinWaitlist(invited, "invited", code);
        await table.Leave(seated[0]);

        // The hold is theirs: the code came with their place in the queue. Anybody else still needs it.
        var otherRefused = await Assert.ThrowsAsync<PokerException>(() => table.Sit(new SeatRequest(other, "other", 100)));
        var seat = await table.Sit(new SeatRequest(invited, "invited", 100));

        Assert.Equal("forbidden", otherRefused.Code);
        Assert.Equal(invited, (await table.GetSnapshot(null)).View.Seats[seat].PlayerId);
    }

    [Fact]
    public async Task A_freed_seat_is_offered_to_the_waitlist_head_and_passes_on_when_the_hold_expires()
    {
        var table = await kit.NewTable(TableKit.Holdem(c => c with { MaxPlayers = 2, SeatHoldTime = TimeSpan.FromSeconds(30), PauseBetweenHands = TimeSpan.FromSeconds(60) }));
        var seated = await kit.Seat(table, 2);
        var tableId = table.GetPrimaryKeyString();
        var waitlist = fixture.Client.GetGrain<IWaitlistGrain>(tableId);
        var first = await kit.NewPlayer();
        var second = await kit.NewPlayer();
        await table.JoinWaitlist(first, "first");
        await table.JoinWaitlist(second, "second");
        var queued = (await table.GetSummary()).WaitlistLength;
        var outsider = await kit.NewPlayer();

        await table.Leave(seated[0]);
        var held = (await table.GetSnapshot(null)).View.Seats[0];
        var refused = await Assert.ThrowsAsync<PokerException>(() => table.Sit(new SeatRequest(outsider, "o", 100)));
        kit.Time.Advance(TimeSpan.FromSeconds(31));
        var passed = (await table.GetSnapshot(null)).View.Seats[0];
        var seat = await table.Sit(new SeatRequest(second, "second", 100));

        Assert.Equal(2, queued);
        Assert.Equal(first, held.HeldFor);
        Assert.Equal("table_full", refused.Code);
        Assert.Equal(second, passed.HeldFor);
        Assert.Equal(0, seat);
        Assert.Null(await waitlist.GetPosition(second));
        Assert.Equal(0, (await table.GetSummary()).WaitlistLength);
    }

    [Fact]
    public async Task A_player_leaving_during_a_hand_is_told_gone_when_the_hand_ends()
    {
        var table = await kit.NewTable(TableKit.Holdem());
        await kit.Seat(table, 2);
        var view = (await kit.StartNextHand(table)).View;
        var actor = view.Seats[view.ActorSeat!.Value].PlayerId!.Value;
        var leaver = view.Seats.Single(s => s.PlayerId is { } p && p != actor).PlayerId!.Value;
        await table.Leave(leaver);
        var observer = new RecordingObserver();
        await table.Subscribe(fixture.Client.CreateObjectReference<ITableObserver>(observer));

        await table.Act(actor, new TurnRef(view.HandNo, view.TurnId), new PlayerAction(ActionKind.Fold), kit.NextSeq());
        var finished = await observer.WaitFor(e => e.Kind == TableEventKind.HandFinished);
        var gone = await observer.WaitFor(e => e.EventSeq > finished.EventSeq);

        // With two players nothing else happens at the table: without this event, every screen kept the leaver seated.
        Assert.Equal(TableEventKind.Left, gone.Kind);
        Assert.DoesNotContain(gone.View.Seats, s => s.PlayerId == leaver);
        Assert.Contains(gone.View.Seats, s => s.PlayerId == actor);
    }

    [Fact]
    public async Task A_seat_offer_is_told_once_the_player_offered_it_has_left_the_queue_so_those_behind_read_their_new_place()
    {
        var table = await kit.NewTable(TableKit.Holdem(c => c with { MaxPlayers = 2, SeatHoldTime = TimeSpan.FromSeconds(30), PauseBetweenHands = TimeSpan.FromSeconds(60) }));
        var seated = await kit.Seat(table, 2);
        var waitlist = fixture.Client.GetGrain<IWaitlistGrain>(table.GetPrimaryKeyString());
        var (first, second) = (await kit.NewPlayer(), await kit.NewPlayer());
        await table.JoinWaitlist(first, "first");
        await table.JoinWaitlist(second, "second");
        var observer = new RecordingObserver();
        await table.Subscribe(fixture.Client.CreateObjectReference<ITableObserver>(observer));

        await table.Leave(seated[0]);
        var offer = await observer.WaitFor(e => e.Kind == TableEventKind.SeatOffered);

        // What the offer's event shows is the queue without the player offered the seat: the web client looks the place
        // up again when it hears of an offer, and read 2 when the event went out before the queue let them go.
        Assert.Equal(first, offer.View.Seats[0].HeldFor);
        Assert.Equal(1, offer.View.WaitlistLength);
        Assert.Equal(1, await waitlist.GetPosition(second));
        Assert.Equal(1, (await table.GetSummary()).WaitlistLength);
    }

    [Fact]
    public async Task A_player_leaving_the_queue_of_a_table_dealing_no_hand_is_told_so_those_behind_read_their_new_place()
    {
        var table = await kit.NewTable(TableKit.Holdem(c => c with { MaxPlayers = 2, PauseBetweenHands = TimeSpan.FromSeconds(60) }));
        await kit.Seat(table, 2);
        var (first, second) = (await kit.NewPlayer(), await kit.NewPlayer());
        var observer = new RecordingObserver();
        await table.Subscribe(fixture.Client.CreateObjectReference<ITableObserver>(observer));

        await table.JoinWaitlist(first, "first");
        await table.JoinWaitlist(second, "second");
        var joined = await observer.WaitFor(e => e.Kind == TableEventKind.WaitlistChanged && e.View.WaitlistLength == 2);
        await table.LeaveWaitlist(first);
        var left = await observer.WaitFor(e => e.EventSeq > joined.EventSeq);

        // Nothing else happens at this table for a minute: without the event, the second player's view kept a queue of
        // two, and the web client, which looks its place up when the queue's length changes, kept showing place 2.
        Assert.Equal((TableEventKind.WaitlistChanged, 1), (left.Kind, left.View.WaitlistLength));
        Assert.Null(left.View.ActorSeat);
        Assert.Equal(1, await fixture.Client.GetGrain<IWaitlistGrain>(table.GetPrimaryKeyString()).GetPosition(second));
    }

    [Fact]
    public async Task A_seat_offer_whose_hold_could_not_be_stored_leaves_the_player_first_in_the_queue_and_is_made_again()
    {
        var table = await kit.NewTable(TableKit.Holdem(c => c with { MaxPlayers = 2, SeatHoldTime = TimeSpan.FromSeconds(30), PauseBetweenHands = TimeSpan.FromSeconds(60) }));
        var seated = await kit.Seat(table, 2);
        var tableId = table.GetPrimaryKeyString();
        var waitlist = fixture.Client.GetGrain<IWaitlistGrain>(tableId);
        var (first, second) = (await kit.NewPlayer(), await kit.NewPlayer());
        await table.JoinWaitlist(first, "first");
        await table.JoinWaitlist(second, "second");

        // The leave is stored (its three writes: the seat, its cash-out, its event); the write that holds the freed seat
        // for the queue's head fails.
        fixture.Storage.FailNextWrite("table", tableId, passing: 3);
        await Assert.ThrowsAsync<StoreUnavailableException>(() => table.Leave(seated[0]));
        var free = (await table.GetSnapshot(null)).View.Seats[0];
        var queue = (await waitlist.List()).Select(e => e.PlayerId).ToArray();
        kit.Time.Advance(TableClock.RetryInterval);
        var held = (await table.GetSnapshot(null)).View.Seats[0];

        Assert.Equal((null, null), (free.PlayerId, free.HeldFor));
        Assert.Equal([first, second], queue);
        Assert.Equal(first, held.HeldFor);
        Assert.Equal([second], (await waitlist.List()).Select(e => e.PlayerId));
        Assert.Equal(1, (await table.GetSummary()).WaitlistLength);
    }

    [Fact]
    public async Task A_waitlist_that_fails_leaves_the_table_playing_and_its_freed_seat_is_offered_again()
    {
        var table = await kit.NewTable(TableKit.Holdem(c => c with { MaxPlayers = 2, SeatHoldTime = TimeSpan.FromSeconds(30), PauseBetweenHands = TimeSpan.FromSeconds(60) }));
        var seated = await kit.Seat(table, 2);
        var waitlist = fixture.Client.GetGrain<IWaitlistGrain>(table.GetPrimaryKeyString());
        var (banned, next) = (await kit.NewPlayer(), await kit.NewPlayer());
        await table.JoinWaitlist(banned, "banned");
        await table.JoinWaitlist(next, "next");
        await fixture.Client.GetGrain<IPlayerGrain>(banned).Ban(ClusterFixture.NewPlayerId(), "spam");

        // The queue drops its banned head as the seat frees, and that write of the queue fails: the leave is answered.
        fixture.Storage.FailNextWrite("waitlist", waitlist);
        await table.Leave(seated[0]);
        var free = (await table.GetSnapshot(null)).View.Seats[0];
        kit.Time.Advance(TableClock.RetryInterval);
        var held = (await table.GetSnapshot(null)).View.Seats[0];

        Assert.Equal((null, null), (free.PlayerId, free.HeldFor));
        Assert.Equal(next, held.HeldFor);
        Assert.Empty(await waitlist.List());
    }

    [Fact]
    public async Task A_table_whose_creation_failed_after_it_was_stored_is_in_the_lobby_and_its_retry_finds_it()
    {
        var template = ClusterFixture.NewKey("t");
        await fixture.Client.GetGrain<ITemplateGrain>(template).Create(TableKit.Holdem());
        var tableId = ClusterFixture.NewKey("tbl");
        var table = fixture.Client.GetGrain<ITableGrain>(tableId);

        // The table's first state is stored; its next write, the "table created" event, fails.
        fixture.Storage.FailNextWrite("table", tableId, passing: 1);
        await Assert.ThrowsAsync<StoreUnavailableException>(() => table.Create(new TableCreation(template, CreatedBy: 1)));
        var retried = await Assert.ThrowsAsync<PokerException>(() => table.Create(new TableCreation(template, CreatedBy: 1)));
        var lobby = await fixture.Client.GetGrain<ILobbyGrain>(ILobbyGrain.PartitionOf(tableId)).List();

        Assert.Equal("table_exists", retried.Code);
        Assert.Contains(lobby, t => t.TableId == tableId);
    }

    [Fact]
    public async Task A_player_whose_grain_could_not_record_their_new_seat_is_seated_and_their_tables_catch_up_on_the_timer()
    {
        var table = await kit.NewTable(TableKit.Holdem(c => c with { PauseBetweenHands = TimeSpan.FromSeconds(60) }));
        var tableId = table.GetPrimaryKeyString();
        var player = await kit.NewPlayer();
        var grain = fixture.Client.GetGrain<IPlayerGrain>(player);

        // The buy-in is stored; the player's next write, the table added to their list, fails: the seat stands.
        fixture.Storage.FailNextWrite("player", grain, passing: 1);
        var seat = await table.Sit(new SeatRequest(player, "Ann", 150));
        var untold = (await grain.Get()).Tables;
        kit.Time.Advance(TableClock.RetryInterval);
        await table.GetSnapshot(null);

        Assert.Equal(player, (await table.GetSnapshot(null)).View.Seats[seat].PlayerId);
        Assert.DoesNotContain(tableId, untold);
        Assert.Contains(tableId, (await grain.Get()).Tables);
    }

    [Fact]
    public async Task A_waitlist_join_whose_count_could_not_be_stored_is_counted_when_it_is_sent_again()
    {
        var table = await kit.NewTable(TableKit.Holdem(c => c with { MaxPlayers = 2, PauseBetweenHands = TimeSpan.FromSeconds(60) }));
        await kit.Seat(table, 2);
        var player = await kit.NewPlayer();

        // The queue stores the player; the table's write of its queue's length fails.
        fixture.Storage.FailNextWrite("table", table.GetPrimaryKeyString());
        await Assert.ThrowsAsync<StoreUnavailableException>(() => table.JoinWaitlist(player, "queued"));
        var stale = (await table.GetSummary()).WaitlistLength;

        // Sent again after the 503: the player is queued already, and the table counts them now.
        var again = await Assert.ThrowsAsync<PokerException>(() => table.JoinWaitlist(player, "queued"));

        Assert.Equal(0, stale);
        Assert.Equal("already_queued", again.Code);
        Assert.Equal(1, (await table.GetSummary()).WaitlistLength);
    }

    [Fact]
    public async Task A_player_who_sat_while_the_waitlist_could_not_take_them_out_is_seated_and_taken_out_when_the_queue_is_next_counted()
    {
        var table = await kit.NewTable(TableKit.Holdem(c => c with { MaxPlayers = 2, SeatHoldTime = TimeSpan.FromSeconds(30), PauseBetweenHands = TimeSpan.FromSeconds(60) }));
        var seated = await kit.Seat(table, 2);
        var waitlist = fixture.Client.GetGrain<IWaitlistGrain>(table.GetPrimaryKeyString());
        var player = await kit.NewPlayer();
        await table.JoinWaitlist(player, "queued");

        // The seat is held for the player, and the queue's write that takes them out fails; so does the next one, as they sit.
        fixture.Storage.FailNextWrite("waitlist", waitlist);
        await table.Leave(seated[0]);
        fixture.Storage.FailNextWrite("waitlist", waitlist);
        var seat = await table.Sit(new SeatRequest(player, "queued", 100));
        var stale = (await waitlist.List()).Select(e => e.PlayerId).ToArray();

        // Another seat frees with nobody else waiting: the queue is counted, and the stale entry taken out.
        await table.Leave(seated[1]);
        kit.Time.Advance(TableClock.RetryInterval);
        await table.GetSnapshot(null);

        Assert.Equal(0, seat);
        Assert.Equal([player], stale);
        Assert.Empty(await waitlist.List());
        Assert.Equal(0, (await table.GetSummary()).WaitlistLength);
    }

    [Fact]
    public async Task Queueing_is_refused_while_a_seat_is_free()
    {
        var table = await kit.NewTable(TableKit.Holdem());
        var player = await kit.NewPlayer();

        var error = await Assert.ThrowsAsync<PokerException>(() => table.JoinWaitlist(player, "eager"));

        Assert.Equal("seat_free", error.Code);
        Assert.Equal(0, (await table.GetSummary()).WaitlistLength);
    }

    [Fact]
    public async Task A_sit_and_go_plays_to_one_winner_who_takes_the_prize()
    {
        var table = await kit.NewTable(TableKit.Holdem(c => c with
        {
            Type = TableType.SitAndGo,
            MaxPlayers = 2,
            MinBuyIn = 50,
            StartingStack = 20,
            TimeoutsBeforeSitOut = 100,
            BlindLevels = [new BlindLevel(5, 10, 0, TimeSpan.FromMinutes(1)), new BlindLevel(10, 20, 0, TimeSpan.FromMinutes(1))],
        }));
        var players = new[] { await kit.NewPlayer(), await kit.NewPlayer() };
        var before = await Task.WhenAll(players.Select(kit.Balance));
        await table.Sit(new SeatRequest(players[0], "A", 0));
        await table.Sit(new SeatRequest(players[1], "B", 0));

        for (var hand = 0; hand < 40 && (await table.GetSummary()).Status != TableStatus.Ended; hand++)
        {
            var start = await kit.StartNextHand(table);
            while ((await table.GetSnapshot(null)).View is { ActorSeat: not null } v && v.HandNo == start.View.HandNo)
            {
                var (player, mine, turn) = await kit.Actor(table);
                await table.Act(player, turn, TableKit.AllIn(mine), kit.NextSeq());
            }
        }

        var after = await Task.WhenAll(players.Select(kit.Balance));
        Assert.Equal(TableStatus.Ended, (await table.GetSummary()).Status);
        Assert.Equal(before.Sum(), after.Sum());
        Assert.Contains(after.Select((b, i) => b - before[i]), d => d == 50);
    }

    [Fact]
    public async Task A_player_leaving_a_started_sit_and_go_sits_out_with_the_stack_in_play_and_the_tournament_still_ends()
    {
        var table = await kit.NewTable(SitAndGoOf(2));
        var players = new[] { await kit.NewPlayer(), await kit.NewPlayer() };
        var before = await Task.WhenAll(players.Select(kit.Balance));
        await table.Sit(new SeatRequest(players[0], "A", 0));
        await table.Sit(new SeatRequest(players[1], "B", 0));
        var first = await kit.StartNextHand(table);
        await kit.PlayPassivelyToEnd(table, first.View.HandNo);

        var refund = await table.Leave(players[1]);
        var left = (await table.GetSnapshot(null)).View.Seats.Single(s => s.PlayerId == players[1]);
        // Whoever is to act goes all in (the sitting-out player's turns time out when nobody acts for them).
        await kit.PlayAllInUntilEnded(table, 2_000);

        var after = await Task.WhenAll(players.Select(kit.Balance));
        Assert.Equal(0, refund);
        Assert.True(left.SittingOut);
        Assert.True(left.Stack > 0);
        Assert.Equal(TableStatus.Ended, (await table.GetSummary()).Status);
        Assert.Equal(before.Sum(), after.Sum());
        Assert.Contains(after.Select((b, i) => b - before[i]), d => d == 50);
    }

    [Fact]
    public async Task A_sit_and_go_whose_players_all_left_still_ends_with_a_winner()
    {
        var (table, players, before) = await ThreeHandedSitAndGoAfterItsFirstHand();
        foreach (var player in players)
        {
            await table.Leave(player);
        }

        // Nobody acts: the clock folds round to the big blind, which gives nothing away, until the blinds outgrow the stacks.
        var status = await BoundedWait.Until(
            async () =>
            {
                kit.Time.Advance(TimeSpan.FromSeconds(5));
                return (await table.GetSummary()).Status;
            },
            s => s == TableStatus.Ended,
            "the sit-and-go ended",
            TimeSpan.FromSeconds(30));

        var after = await Task.WhenAll(players.Select(kit.Balance));
        Assert.Equal(TableStatus.Ended, status);
        Assert.Equal(before.Sum(), after.Sum());
        Assert.Contains(after.Select((b, i) => b - before[i]), d => d == 100);
    }

    [Fact]
    public async Task A_started_sit_and_go_closed_before_it_has_a_winner_shares_the_prize_pool_by_stacks()
    {
        var (table, players, before) = await ThreeHandedSitAndGoAfterItsFirstHand();
        var stacks = (await table.GetSnapshot(null)).View.Seats.Where(s => s.PlayerId is not null).ToDictionary(s => s.PlayerId!.Value, s => s.Stack);
        await table.Close("cancelled");

        var after = await Task.WhenAll(players.Select(kit.Balance));
        Assert.Equal(before.Sum(), after.Sum());
        for (var i = 0; i < players.Length; i++)
        {
            // Each gets the pool (3 × 50) in proportion to their stack of the 600 chips in play, give or take the rounding.
            Assert.InRange(after[i] - before[i] + 50, 150 * stacks[players[i]] / 600, (150 * stacks[players[i]] / 600) + 2);
        }
    }

    /// <summary>A three-handed sit-and-go (entry 50) that played its first hand; the balances are those before the entries.</summary>
    private async Task<(ITableGrain Table, long[] Players, long[] Before)> ThreeHandedSitAndGoAfterItsFirstHand()
    {
        var table = await kit.NewTable(SitAndGoOf(3));
        var players = new[] { await kit.NewPlayer(), await kit.NewPlayer(), await kit.NewPlayer() };
        var before = await Task.WhenAll(players.Select(kit.Balance));
        for (var i = 0; i < players.Length; i++)
        {
            await table.Sit(new SeatRequest(players[i], $"P{i}", i));
        }

        var first = await kit.StartNextHand(table);
        await kit.PlayPassivelyToEnd(table, first.View.HandNo);
        return (table, players, before);
    }

    private static TemplateConfig SitAndGoOf(int players) => TableKit.Holdem(c => c with
    {
        Type = TableType.SitAndGo,
        MaxPlayers = players,
        MinBuyIn = 50,
        StartingStack = 200,
        TimeoutsBeforeSitOut = 100,
        BlindLevels = [new BlindLevel(5, 10, 0, TimeSpan.FromMinutes(1)), new BlindLevel(10, 20, 0, TimeSpan.FromMinutes(1))],
    });

    [Fact]
    public async Task A_robot_whose_balance_cannot_cover_its_buy_in_claims_the_daily_top_up_first()
    {
        var templateId = $"t-{Guid.NewGuid():N}";
        await fixture.Grains.GetGrain<Interfaces.Templates.ITemplateGrain>(templateId).Create(TableKit.Holdem(c => c with { Robots = 1 }));
        var tableId = $"tbl-{Guid.NewGuid():N}";
        var robotId = Orleans.Poker.Grains.Robots.RobotStrategy.RobotId(tableId, 0);
        var robot = fixture.Grains.GetGrain<Interfaces.Players.IPlayerGrain>(robotId);
        // The robot spent its chips at other tables (it busted there many times).
        var registered = await robot.Register(new Interfaces.Players.PlayerProfile { PlayerId = robotId, DisplayName = "Robot", IsRobot = true });
        await robot.AdminAdjust($"test:{tableId}", 10 - registered.Balance, adminId: 7, "spent at other tables");

        var table = fixture.Grains.GetGrain<ITableGrain>(tableId);
        await table.Create(new TableCreation(templateId, 1));
        var seat = (await table.GetSnapshot(null)).View.Seats.Single(s => s.PlayerId == robotId);
        var balance = (await robot.Get()).Balance;

        Assert.Equal(TableKit.Holdem().MaxBuyIn, seat.Stack);
        Assert.False(seat.SittingOut);
        Assert.Equal(registered.Balance - TableKit.Holdem().MaxBuyIn, balance);
        await table.Close("test over");
    }

    [Fact]
    public async Task A_robot_whose_buy_in_could_not_be_stored_waits_with_no_chips_and_the_table_is_created()
    {
        var templateId = $"t-{Guid.NewGuid():N}";
        await fixture.Grains.GetGrain<Interfaces.Templates.ITemplateGrain>(templateId).Create(TableKit.Holdem(c => c with { Robots = 1 }));
        var tableId = $"tbl-{Guid.NewGuid():N}";
        var robot = fixture.Grains.GetGrain<IPlayerGrain>(Orleans.Poker.Grains.Robots.RobotStrategy.RobotId(tableId, 0));
        var table = fixture.Grains.GetGrain<ITableGrain>(tableId);

        // The robot's first registration cannot be stored as the new table buys it in.
        fixture.Storage.FailNextWrite("player", robot);
        var created = await table.Create(new TableCreation(templateId, 1));
        var seat = (await table.GetSnapshot(null)).View.Seats.Single(s => s.PlayerId == robot.GetPrimaryKeyLong());

        Assert.Equal(tableId, created.TableId);
        Assert.Equal(0, seat.Stack);
        await table.Close("test over");
    }

    [Fact]
    public async Task A_cash_out_that_failed_when_the_table_closed_is_paid_later()
    {
        var table = await kit.NewTable(TableKit.Holdem());
        var players = await kit.Seat(table, 2);
        var before = await Task.WhenAll(players.Select(kit.Balance));

        // The first player's grain cannot store the cash-out when the table closes (a database that blinked); its
        // write that the table no longer seats them, sent just before, goes through.
        fixture.Storage.FailNextWrite("player", fixture.Client.GetGrain<IPlayerGrain>(players[0]), passing: 1);
        await table.Close("test over");
        var status = (await table.GetSummary()).Status;
        var owed = await kit.Balance(players[0]);
        var paid = await BoundedWait.Until(
            async () =>
            {
                fixture.Time.Advance(TimeSpan.FromSeconds(1));
                return await kit.Balance(players[0]);
            },
            b => b == before[0] + 100,
            "the cash-out paid after the close");

        Assert.Equal(TableStatus.Ended, status);
        Assert.Equal(before[0], owed);
        Assert.Equal(before[1] + 100, await kit.Balance(players[1]));
        Assert.Equal(before[0] + 100, paid);
    }

    [Fact]
    public async Task A_creation_whose_first_state_write_failed_after_its_journal_claim_is_retried_under_the_same_id()
    {
        var templateId = $"t-{Guid.NewGuid():N}";
        await fixture.Client.GetGrain<ITemplateGrain>(templateId).Create(TableKit.Holdem());
        var table = fixture.Client.GetGrain<ITableGrain>($"tbl-{Guid.NewGuid():N}");

        // The table's first version is claimed in its journal, then its state write fails (a database that blinked).
        fixture.Storage.FailNextWrite("table", table.GetPrimaryKeyString());
        await Assert.ThrowsAsync<StoreUnavailableException>(() => table.Create(new TableCreation(templateId, 1)));

        // The caller retries, as the 503 tells it to: the table is created and deals.
        var created = await table.Create(new TableCreation(templateId, 1));
        await kit.Seat(table, 2);
        var hand = await kit.StartNextHand(table);

        Assert.Equal(TableStatus.Waiting, created.Status);
        Assert.Equal(1, hand.View.HandNo);
    }
}
