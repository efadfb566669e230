using Orleans.Poker.Grains.Interfaces.Admin;
using Orleans.Poker.Grains.Interfaces.Analytics;
using Orleans.Poker.Grains.Interfaces.Players;
using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;
using Orleans.Poker.Grains.Analytics;
using Orleans.Poker.Grains.Robots;
using Orleans.Poker.Grains.Storage;

namespace Orleans.Poker.Grains.Tests.Storage;

/// <summary>What every implementation of the stores must do; run against memory and against PostgreSQL.</summary>
public abstract class StoreContractTests
{
    protected static readonly DateTimeOffset T0 = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static long _nextPlayer = 5_000_000;

    protected abstract StoreSet Stores { get; }

    [Fact]
    public async Task Ledger_append_is_idempotent_by_transfer_id()
    {
        var player = await NewPlayer();
        var table = await NewTable();
        var entry = new LedgerEntry($"in-{Guid.NewGuid():N}", player, LedgerKind.BuyIn, -400, 9_600, table, null, T0);

        var first = await Stores.Ledger.AppendAsync(entry);
        var second = await Stores.Ledger.AppendAsync(entry with { Amount = -999, BalanceAfter = 1 });

        Assert.True(first.Inserted);
        Assert.False(second.Inserted);
        Assert.Equal(entry, second.Stored);
        Assert.Equal(entry, await Stores.Ledger.FindAsync(entry.TransferId));
        Assert.Single(await Stores.Ledger.GetPlayerEntriesAsync(player, 0, 10));
    }

    [Fact]
    public async Task Ledger_pages_a_players_entries_newest_first()
    {
        var player = await NewPlayer();
        var table = await NewTable();
        var kinds = new[] { LedgerKind.Grant, LedgerKind.BuyIn, LedgerKind.CashOut, LedgerKind.AdminAdjustment, LedgerKind.TopUp, LedgerKind.Prize };
        var balance = 0L;
        for (var i = 0; i < kinds.Length; i++)
        {
            var amount = kinds[i] == LedgerKind.BuyIn ? -100 : 100 + i;
            balance += amount;
            await Stores.Ledger.AppendAsync(new LedgerEntry(
                $"e{i}-{Guid.NewGuid():N}", player, kinds[i], amount, balance,
                kinds[i] is LedgerKind.BuyIn or LedgerKind.CashOut or LedgerKind.Prize ? table : null,
                kinds[i] == LedgerKind.AdminAdjustment ? "correction" : null, T0.AddMinutes(i)));
        }

        var all = await Stores.Ledger.GetPlayerEntriesAsync(player, 0, 100);
        var page = await Stores.Ledger.GetPlayerEntriesAsync(player, 1, 2);

        Assert.Equal(kinds.Reverse(), all.Select(e => e.Kind));
        Assert.Equal([LedgerKind.TopUp, LedgerKind.AdminAdjustment], page.Select(e => e.Kind));
        Assert.Equal("correction", all.Single(e => e.Kind == LedgerKind.AdminAdjustment).Note);
        Assert.Equal(balance, all[0].BalanceAfter);
        Assert.Equal(T0.AddMinutes(5), all[0].At);
    }

    [Fact]
    public async Task Ledger_search_filters_by_player_kind_and_time_newest_first()
    {
        var (ada, bob) = (await NewPlayer(), await NewPlayer());
        var table = await NewTable();
        var at = T0.AddYears(3).AddMinutes(Random.Shared.Next(0, 50_000_000));
        await Append(ada, LedgerKind.Grant, 1_000, 1_000, null, at);
        await Append(bob, LedgerKind.Grant, 1_000, 1_000, null, at.AddSeconds(1));
        await Append(ada, LedgerKind.BuyIn, -400, 600, table, at.AddSeconds(2));
        await Append(ada, LedgerKind.CashOut, 500, 1_100, table, at.AddSeconds(3));
        await Append(bob, LedgerKind.BuyIn, -100, 900, table, at.AddSeconds(4));

        var everyone = await Stores.Ledger.SearchAsync(new LedgerQuery(From: at, To: at.AddSeconds(5)));
        var buyIns = await Stores.Ledger.SearchAsync(new LedgerQuery(Kind: LedgerKind.BuyIn, From: at, To: at.AddSeconds(5)));
        var adas = await Stores.Ledger.SearchAsync(new LedgerQuery(ada));
        var adasMiddle = await Stores.Ledger.SearchAsync(new LedgerQuery(ada, From: at.AddSeconds(1), To: at.AddSeconds(3)));
        var secondPage = await Stores.Ledger.SearchAsync(new LedgerQuery(From: at, To: at.AddSeconds(5), Skip: 2, Take: 2));

        Assert.Equal([bob, ada, ada, bob, ada], everyone.Select(e => e.PlayerId));
        Assert.Equal([at.AddSeconds(4), at.AddSeconds(3), at.AddSeconds(2), at.AddSeconds(1), at], everyone.Select(e => e.At));
        Assert.Equal([(bob, -100L), (ada, -400L)], buyIns.Select(e => (e.PlayerId, e.Amount)));
        Assert.Equal([LedgerKind.CashOut, LedgerKind.BuyIn, LedgerKind.Grant], adas.Select(e => e.Kind));
        Assert.Equal([LedgerKind.BuyIn], adasMiddle.Select(e => e.Kind));
        Assert.Equal([(ada, LedgerKind.BuyIn), (bob, LedgerKind.Grant)], secondPage.Select(e => (e.PlayerId, e.Kind)));
    }

    [Fact]
    public async Task Player_search_matches_names_and_usernames_in_any_case_literally_and_ids_exactly()
    {
        var run = Guid.NewGuid().ToString("N")[..10];
        var telegramId = 7_000_000_000L + Random.Shared.Next(0, int.MaxValue);
        var (named, nameLike, username, byTelegram) = (await NewPlayer(), await NewPlayer(), await NewPlayer(), await NewPlayer());
        await Stores.Players.UpsertAsync(new PlayerProfile { PlayerId = named, DisplayName = $"Ann {run}_x", CreatedAt = T0 }, T0);
        await Stores.Players.UpsertAsync(new PlayerProfile { PlayerId = nameLike, DisplayName = $"Bea {run}zx", CreatedAt = T0 }, T0);
        await Stores.Players.UpsertAsync(new PlayerProfile { PlayerId = username, DisplayName = "Cy", Username = $"cy_{run}", CreatedAt = T0 }, T0);
        await Stores.Players.UpsertAsync(new PlayerProfile { PlayerId = byTelegram, TelegramId = telegramId, DisplayName = "Dee", CreatedAt = T0 }, T0);

        var any = await Stores.Players.SearchAsync(run.ToUpperInvariant(), 20);
        var literal = await Stores.Players.SearchAsync($"{run}_", 20);
        var bounded = await Stores.Players.SearchAsync(run, 2);
        var telegram = await Stores.Players.SearchAsync(telegramId.ToString(System.Globalization.CultureInfo.InvariantCulture), 20);
        var partOfId = await Stores.Players.SearchAsync(telegramId.ToString(System.Globalization.CultureInfo.InvariantCulture)[..9] + "%", 20);

        Assert.Equal([named, nameLike, username], any.Select(p => p.PlayerId));
        Assert.Equal([named], literal.Select(p => p.PlayerId));
        Assert.Equal([named, nameLike], bounded.Select(p => p.PlayerId));
        Assert.Equal([byTelegram], telegram.Select(p => p.PlayerId));
        Assert.Equal($"cy_{run}", any[2].Username);
        Assert.DoesNotContain(partOfId, p => p.PlayerId == byTelegram);
    }

    [Fact]
    public async Task The_balance_sheet_counts_issued_chips_balances_the_house_and_chips_on_tables()
    {
        var player = await NewPlayer();
        var table = await NewTable();
        await Stores.Players.UpsertAsync(new PlayerProfile { PlayerId = HouseAccount.PlayerId, DisplayName = HouseAccount.Name, CreatedAt = T0 }, T0);
        var house = (await Stores.Ledger.GetPlayerEntriesAsync(HouseAccount.PlayerId, 0, 1)).FirstOrDefault()?.BalanceAfter ?? 0;
        var before = await Stores.Ledger.GetBalanceAsync();

        await Append(player, LedgerKind.Grant, 1_000, 1_000, null);
        await Append(player, LedgerKind.BuyIn, -400, 600, table);
        await Append(HouseAccount.PlayerId, LedgerKind.Rake, 10, house + 10, table);
        await Append(player, LedgerKind.CashOut, 300, 900, table);
        var after = await Stores.Ledger.GetBalanceAsync();

        // The player's 100 net loss at the table: 10 went to the house, 90 are still on the table.
        Assert.Equal(1_000, after.Issued - before.Issued);
        Assert.Equal(900, after.Players - before.Players);
        Assert.Equal(10, after.House - before.House);
        Assert.Equal(90, after.OnTables - before.OnTables);
    }

    [Fact]
    public async Task Every_players_entries_are_listed_by_time_oldest_first()
    {
        var (a, b) = (await NewPlayer(), await NewPlayer());
        var table = await NewTable();
        var at = T0.AddDays(400 + Interlocked.Increment(ref _nextPlayer) % 1000);
        await Append(a, LedgerKind.Grant, 500, 500, null, at);
        await Append(b, LedgerKind.Grant, 500, 500, null, at.AddMinutes(1));
        await Append(a, LedgerKind.BuyIn, -200, 300, table, at.AddMinutes(2));
        await Append(b, LedgerKind.Grant, 1, 501, null, at.AddHours(1));

        var range = await Stores.Ledger.GetEntriesAsync(at, at.AddHours(1), 0, 100);
        var page = await Stores.Ledger.GetEntriesAsync(at, at.AddHours(1), 1, 1);

        Assert.Equal([(a, LedgerKind.Grant), (b, LedgerKind.Grant), (a, LedgerKind.BuyIn)], range.Select(e => (e.PlayerId, e.Kind)));
        Assert.Equal(b, Assert.Single(page).PlayerId);
    }

    [Fact]
    public async Task Hand_history_is_saved_once_per_table_and_hand()
    {
        var (a, b) = (await NewPlayer(), await NewPlayer());
        var table = await NewTable();
        var hand = Hand(table, 1, [a, b], T0);

        var first = await Stores.Hands.SaveAsync(hand);
        var second = await Stores.Hands.SaveAsync(hand with { Pot = 999, Phh = "other" });

        Assert.True(first);
        Assert.False(second);
        var stored = await Stores.Hands.GetAsync(table, 1);
        Assert.NotNull(stored);
        Assert.Equal((hand.Pot, hand.Phh, hand.Variant, hand.StartedAt, hand.EndedAt), (stored.Pot, stored.Phh, stored.Variant, stored.StartedAt, stored.EndedAt));
        Assert.Equal(hand.PlayerIds, stored.PlayerIds);
        Assert.Null(await Stores.Hands.GetAsync(table, 2));
    }

    [Fact]
    public async Task Hands_page_by_player_and_by_table_newest_first()
    {
        var (a, b, c) = (await NewPlayer(), await NewPlayer(), await NewPlayer());
        var (first, second) = (await NewTable(), await NewTable());
        await Stores.Hands.SaveAsync(Hand(first, 1, [a, b], T0));
        await Stores.Hands.SaveAsync(Hand(first, 2, [a, c], T0.AddMinutes(1)));
        await Stores.Hands.SaveAsync(Hand(second, 1, [b, c], T0.AddMinutes(2)));
        await Stores.Hands.SaveAsync(Hand(second, 2, [a, b], T0.AddMinutes(3)));

        var ofA = await Stores.Hands.GetPlayerHandsAsync(a, 0, 10);
        var ofAPage = await Stores.Hands.GetPlayerHandsAsync(a, 1, 1);
        var ofFirst = await Stores.Hands.GetTableHandsAsync(first, 0, 10);

        Assert.Equal([(second, 2L), (first, 2L), (first, 1L)], ofA.Select(h => (h.TableId, h.HandNumber)));
        Assert.Equal([(first, 2L)], ofAPage.Select(h => (h.TableId, h.HandNumber)));
        Assert.Equal([2L, 1L], ofFirst.Select(h => h.HandNumber));
    }

    [Fact]
    public async Task Player_row_is_created_then_refreshed()
    {
        var id = Interlocked.Increment(ref _nextPlayer);
        var profile = new PlayerProfile { PlayerId = id, TelegramId = id, DisplayName = "Ada", Language = "en", CreatedAt = T0 };

        await Stores.Players.UpsertAsync(profile, T0);
        await Stores.Players.UpsertAsync(profile with { DisplayName = "Ada L.", Language = "fa", Unreachable = true, BotChat = true }, T0.AddHours(1));

        var stored = await Stores.Players.FindAsync(id);
        Assert.Equal(profile with { DisplayName = "Ada L.", Language = "fa", Unreachable = true, BotChat = true }, stored);
        Assert.Null(await Stores.Players.FindAsync(id + 1_000_000_000));
    }

    [Fact]
    public async Task Messageable_players_are_paged_by_id_after_a_cursor()
    {
        var first = 8_000_000_000_000L + (Random.Shared.NextInt64(0, 1_000_000_000) * 100);
        PlayerProfile Started(long offset) => new() { PlayerId = first + offset, TelegramId = first + offset, DisplayName = "R", BotChat = true, CreatedAt = T0 };
        foreach (var profile in new[]
        {
            Started(10), Started(2), Started(1_000), Started(5) with { Unreachable = true }, Started(6) with { BotChat = false },
            Started(7) with { IsRobot = true }, Started(8) with { TelegramId = null }, Started(9),
        })
        {
            await Stores.Players.UpsertAsync(profile, T0);
        }

        var page = await Stores.Players.MessageableAsync(first - 1, 2);
        var next = await Stores.Players.MessageableAsync(page[^1].PlayerId, 2);
        var last = await Stores.Players.MessageableAsync(first + 10, 5);

        Assert.Equal([first + 2, first + 9], page.Select(p => p.PlayerId));
        Assert.Equal([first + 10, first + 1_000], next.Select(p => p.PlayerId));
        Assert.Equal(first + 1_000, Assert.Single(last, p => p.PlayerId < first + 10_000).TelegramId);
        Assert.Empty(await Stores.Players.MessageableAsync(first, 0));
    }

    [Fact]
    public async Task Table_row_is_created_then_updated()
    {
        var template = $"tpl-{Guid.NewGuid():N}";
        await Stores.Tables.SaveTemplateVersionAsync(template, 1, Config, active: true, T0);
        var table = new TableRecord($"t-{Guid.NewGuid():N}", template, 1, "Table 1", TableType.Expiring, TableStatus.Waiting, "abc123", T0, T0.AddHours(2), null);

        await Stores.Tables.UpsertTableAsync(table);
        await Stores.Tables.UpsertTableAsync(table with { Status = TableStatus.Ended, EndedAt = T0.AddHours(2) });

        Assert.Equal(table with { Status = TableStatus.Ended, EndedAt = T0.AddHours(2) }, await Stores.Tables.FindTableAsync(table.TableId));
        Assert.Null(await Stores.Tables.FindTableAsync("no-such-table"));
    }

    [Fact]
    public async Task Open_tables_of_a_template_are_found_with_their_versions()
    {
        var (template, other) = ($"tpl-{Guid.NewGuid():N}", $"tpl-{Guid.NewGuid():N}");
        foreach (var (id, version) in new[] { (template, 1), (template, 2), (other, 1) })
        {
            await Stores.Tables.SaveTemplateVersionAsync(id, version, Config, active: true, T0);
        }

        TableRecord Row(string templateId, int version, TableStatus status) =>
            new($"t-{Guid.NewGuid():N}", templateId, version, null, TableType.Persistent, status, null, T0, null, status == TableStatus.Ended ? T0.AddHours(1) : null);
        var (waiting, paused, ended) = (Row(template, 1, TableStatus.Waiting), Row(template, 2, TableStatus.Paused), Row(template, 1, TableStatus.Ended));
        foreach (var row in new[] { waiting, paused, ended, Row(other, 1, TableStatus.Active) })
        {
            await Stores.Tables.UpsertTableAsync(row);
        }

        var open = await Stores.Tables.FindOpenTablesAsync(template);

        Assert.Equal(new Dictionary<string, int> { [waiting.TableId] = 1, [paused.TableId] = 2 }, open);
        Assert.Empty(await Stores.Tables.FindOpenTablesAsync($"tpl-{Guid.NewGuid():N}"));
    }

    [Fact]
    public async Task Audit_entries_are_found_by_admin_action_and_time_newest_first_and_a_retry_is_stored_once()
    {
        var admin = Interlocked.Increment(ref _nextPlayer);
        var other = Interlocked.Increment(ref _nextPlayer);
        var entries = new[]
        {
            new AuditEntry(T0, admin, "table.pause", "t1", null),
            new AuditEntry(T0.AddMinutes(1), admin, "player.adjust", "42", "+250: refund"),
            new AuditEntry(T0.AddMinutes(2), other, "player.adjust", "43", "-10: fix"),
            new AuditEntry(T0.AddMinutes(3), admin, "table.close", "t1", "idle"),
        };
        foreach (var entry in entries)
        {
            await Stores.Audit.AppendAsync(entry);
        }

        await Stores.Audit.AppendAsync(entries[1]);

        Assert.Equal([entries[3], entries[1], entries[0]], await Stores.Audit.SearchAsync(new AuditQuery(AdminId: admin)));
        Assert.Equal([entries[1]], await Stores.Audit.SearchAsync(new AuditQuery(AdminId: admin, Action: "player.adjust")));
        Assert.Equal([entries[1], entries[0]], await Stores.Audit.SearchAsync(new AuditQuery(AdminId: admin, To: T0.AddMinutes(2))));
        Assert.Equal([entries[2]], await Stores.Audit.SearchAsync(new AuditQuery(Action: "player.adjust", From: T0.AddMinutes(2), To: T0.AddMinutes(3))));
        Assert.Equal([entries[1]], await Stores.Audit.SearchAsync(new AuditQuery(AdminId: admin, Skip: 1, Take: 1)));
    }

    [Fact]
    public async Task Hourly_statistics_are_computed_from_the_stored_hands_and_a_rerun_gives_the_same_rows()
    {
        var hour = new DateTimeOffset(2030, 3, 4, 5, 0, 0, TimeSpan.Zero);
        var (a, b, c, d) = (await NewPlayer(), await NewPlayer(), await NewPlayer(), await NewPlayer());
        var (first, second) = (await NewTable(), await NewTable());
        await Stores.Hands.SaveAsync(Hand(first, 1, [a, b], hour.AddMinutes(10)));
        await Stores.Hands.SaveAsync(Hand(second, 1, [c, d], hour.AddMinutes(20)));
        await Stores.Hands.SaveAsync(Hand(first, 2, [a, b, c], hour.AddMinutes(30)));
        await Stores.Hands.SaveAsync(Hand(first, 3, [a, c], hour.AddMinutes(70)));

        await Stores.Analytics.RebuildHourlyAsync(hour, hour.AddHours(2));
        var rows = (await Stores.Analytics.GetHourlyAsync(hour, hour.AddHours(2), null)).Where(r => r.TableId == first || r.TableId == second).ToList();
        await Stores.Analytics.RebuildHourlyAsync(hour, hour.AddHours(2));
        await Stores.Analytics.RebuildHourlyAsync(hour.AddHours(1), hour.AddHours(2));
        var again = (await Stores.Analytics.GetHourlyAsync(hour, hour.AddHours(2), null)).Where(r => r.TableId == first || r.TableId == second).ToList();

        var expected = new[]
        {
            new HourlyStats(first, hour, "NT", 2, 2.5, 3, 3, 2, 2, 240, 10),
            new HourlyStats(second, hour, "NT", 1, 2, 2, 2, 2, 1, 120, 5),
            new HourlyStats(first, hour.AddHours(1), "NT", 1, 2, 2, 2, 0, 1, 120, 5),
        };
        Assert.Equal(expected.OrderBy(r => r.HourStart).ThenBy(r => r.TableId, StringComparer.Ordinal), rows);
        Assert.Equal(rows, again);
        Assert.Equal([expected[2]], await Stores.Analytics.GetHourlyAsync(hour.AddHours(1), hour.AddHours(2), first));
    }

    [Fact]
    public async Task Snapshots_are_written_in_a_batch_with_their_timeouts_read_by_time_and_table_and_only_old_ones_are_removed()
    {
        var at = new DateTimeOffset(2030, 5, 6, 7, 0, 0, TimeSpan.Zero);
        var (first, second) = (await NewTable(), await NewTable());
        var (a, b) = (await NewPlayer(), await NewPlayer());
        await Stores.Hands.SaveAsync(Hand(first, 1, [a, b], at.AddMinutes(-4)) with { Pot = 100 });
        await Stores.Hands.SaveAsync(Hand(first, 2, [a, b], at.AddMinutes(-3)) with { Pot = 300, Rake = 10 });
        var figures = await Stores.Analytics.GetHandFiguresAsync(at.AddMinutes(-5), at);
        await Stores.Hands.SaveAsync(Hand(first, 3, [a, b], at) with { Pot = 50 });
        var since = await Stores.Analytics.GetHandFiguresAsync(at.AddMinutes(-5), to: null);
        var old = new AnalyticsSnapshot(first, at.AddDays(-31), TableStatus.Waiting, "NT", 1, 0, 0, 0, 0, 0);
        var batch = new[]
        {
            new AnalyticsSnapshot(first, at, TableStatus.Active, "NT", 2, 1, 2, 200, 300, 15, Timeouts: 4),
            new AnalyticsSnapshot(second, at, TableStatus.Waiting, "NT", 0, 0, 0, 0, 0, 0),
        };

        await Stores.Analytics.WriteSnapshotsAsync([old]);
        await Stores.Analytics.WriteSnapshotsAsync(batch);
        var removed = await Stores.Analytics.DeleteSnapshotsBeforeAsync(at.AddDays(-30));

        Assert.Equal(new HandFigures(2, 400, 300, 15, 2), figures.Tables[first]);
        Assert.False(figures.Tables.ContainsKey(second));
        Assert.Equal(new HandFigures(3, 450, 300, 20, 2), since.Tables[first]);
        Assert.True(figures.Room.Hands >= 2 && figures.Room.DistinctPlayers >= 2);
        Assert.Equal(HandFigures.None, (await Stores.Analytics.GetHandFiguresAsync(at.AddYears(50), at.AddYears(50).AddHours(1))).Room);
        Assert.True(removed >= 1);
        Assert.Empty(await Stores.Analytics.GetSnapshotsAsync(at.AddDays(-32), at.AddDays(-30), first));
        Assert.Equal(batch, (await Stores.Analytics.GetSnapshotsAsync(at, at.AddSeconds(1), null)).Where(s => s.TableId == first || s.TableId == second)
            .OrderBy(s => s.TableId == first ? 0 : 1));
        Assert.Equal([batch[1]], await Stores.Analytics.GetSnapshotsAsync(at, at.AddSeconds(1), second));
    }

    [Fact]
    public async Task An_insight_is_stored_once_while_its_condition_holds_and_again_after_it_cleared()
    {
        var kind = $"test_{Guid.NewGuid():N}";
        var table = await NewTable();
        var (first, second) = (Condition(kind, $"{kind}:{table}", InsightSeverity.Warning, table), Condition(kind, $"{kind}:room", InsightSeverity.Info));

        var opened = await Stores.Insights.OpenAsync([first], T0);
        var again = await Stores.Insights.OpenAsync([first, second], T0.AddMinutes(1));
        var resolved = await Stores.Insights.ResolveAsync([kind], [second.Key], T0.AddMinutes(2));
        var returned = await Stores.Insights.OpenAsync([first], T0.AddMinutes(3));
        var all = await Stores.Insights.SearchAsync(new InsightQuery(Kind: kind));

        var stored = Assert.Single(opened);
        Assert.Equal((kind, InsightSeverity.Warning, first.Key, table, first.Summary, T0), (stored.Kind, stored.Severity, stored.ConditionKey, stored.TableId, stored.Summary, stored.CreatedAt));
        Assert.Equal(first.Details, stored.Details);
        Assert.Equal([second.Key], again.Select(i => i.ConditionKey));
        Assert.Equal(1, resolved);
        Assert.NotEqual(stored.Id, Assert.Single(returned).Id);
        Assert.Equal([returned[0].Id, again[0].Id, stored.Id], all.Select(i => i.Id));
        Assert.Equal(T0.AddMinutes(2), all.Single(i => i.Id == stored.Id).ResolvedAt);
        Assert.Equal(2, (await Stores.Insights.SearchAsync(new InsightQuery(Kind: kind, Open: true))).Count);
        Assert.Equal([second.Key], (await Stores.Insights.SearchAsync(new InsightQuery(InsightSeverity.Info, kind))).Select(i => i.ConditionKey));
        Assert.Equal([again[0].Id], (await Stores.Insights.SearchAsync(new InsightQuery(Kind: kind, Skip: 1, Take: 1))).Select(i => i.Id));
    }

    [Fact]
    public async Task The_same_condition_stored_by_two_evaluations_at_once_is_stored_once()
    {
        var kind = $"test_{Guid.NewGuid():N}";
        var condition = Condition(kind, $"{kind}:room", InsightSeverity.Critical);

        var both = await Task.WhenAll(Stores.Insights.OpenAsync([condition], T0), Stores.Insights.OpenAsync([condition], T0));

        Assert.Single(both.SelectMany(b => b));
        Assert.Single(await Stores.Insights.SearchAsync(new InsightQuery(Kind: kind)));
    }

    [Fact]
    public async Task An_acknowledgement_is_kept_once_and_an_unknown_insight_is_not_found()
    {
        var kind = $"test_{Guid.NewGuid():N}";
        var stored = Assert.Single(await Stores.Insights.OpenAsync([Condition(kind, $"{kind}:room", InsightSeverity.Warning)], T0));

        var first = await Stores.Insights.AcknowledgeAsync(stored.Id, 42, T0.AddMinutes(1));
        var second = await Stores.Insights.AcknowledgeAsync(stored.Id, 43, T0.AddMinutes(2));
        var unknown = await Stores.Insights.AcknowledgeAsync(long.MaxValue, 42, T0);

        Assert.Equal((T0.AddMinutes(1), 42L), (first!.AcknowledgedAt!.Value, first.AcknowledgedBy!.Value));
        Assert.Equal((first.Id, first.AcknowledgedAt, first.AcknowledgedBy), (second!.Id, second.AcknowledgedAt, second.AcknowledgedBy));
        Assert.Null(unknown);
    }

    [Fact]
    public async Task Insights_are_pending_for_each_channel_until_delivered_and_the_chat_gets_no_info()
    {
        var kind = $"test_{Guid.NewGuid():N}";
        var at = T0.AddYears(5);
        var stored = await Stores.Insights.OpenAsync(
            [Condition(kind, $"{kind}:a", InsightSeverity.Info), Condition(kind, $"{kind}:b", InsightSeverity.Warning), Condition(kind, $"{kind}:c", InsightSeverity.Critical)], at);
        var ids = stored.Select(i => i.Id).ToList();

        var chat = await Stores.Insights.PendingAsync(InsightChannel.Chat, at, 100);
        var webhook = await Stores.Insights.PendingAsync(InsightChannel.Webhook, at, 100);
        await Stores.Insights.MarkDeliveredAsync(InsightChannel.Chat, [ids[1]], at);
        var chatAfter = await Stores.Insights.PendingAsync(InsightChannel.Chat, at, 100);
        var tooOld = await Stores.Insights.PendingAsync(InsightChannel.Webhook, at.AddSeconds(1), 100);
        var one = await Stores.Insights.PendingAsync(InsightChannel.Webhook, at, 1);

        Assert.Equal(ids[1..], chat.Select(i => i.Id));
        Assert.Equal(ids, webhook.Select(i => i.Id));
        Assert.Equal([ids[2]], chatAfter.Select(i => i.Id));
        Assert.DoesNotContain(tooOld, i => ids.Contains(i.Id));
        Assert.Equal([ids[0]], one.Select(i => i.Id));
    }

    private static InsightCondition Condition(string kind, string key, InsightSeverity severity, string? table = null) =>
        new(kind, severity, key, table, null, $"{key} holds", new Dictionary<string, double> { ["figure"] = 12, ["threshold"] = 2.5 });

    [Fact]
    public async Task Players_results_are_stored_with_the_hand_from_its_phh_and_a_resaved_hand_adds_nothing()
    {
        var (a, b, c) = (await NewPlayer(), await NewPlayer(), await NewPlayer());
        var table = await NewTable();
        var hand = Hand(table, 1, [a, b, c], T0) with { Pot = 60, Rake = 3, Phh = Phh([200, 300, 100], [170, 327, 100]) };

        Assert.True(await Stores.Hands.SaveAsync(hand));
        Assert.False(await Stores.Hands.SaveAsync(hand with { Phh = Phh([200, 300, 100], [100, 397, 100]) }));

        var end = T0.AddSeconds(40);
        Assert.Equal([new HandPlayerResult(table, 1, 0, a, "NT", end, -30, 60)], await Stores.Hands.GetPlayerResultsAsync(a));
        Assert.Equal([new HandPlayerResult(table, 1, 1, b, "NT", end, 27, 60)], await Stores.Hands.GetPlayerResultsAsync(b));
        Assert.Equal([new HandPlayerResult(table, 1, 2, c, "NT", end, 0, 60)], await Stores.Hands.GetPlayerResultsAsync(c));
    }

    [Fact]
    public async Task Players_results_take_the_nets_the_table_recorded_without_reading_the_phh()
    {
        var (a, b) = (await NewPlayer(), await NewPlayer());
        var table = await NewTable();

        // The record's nets win over its PHH (which this one lacks): the tables record both from the same document.
        await Stores.Hands.SaveAsync(Hand(table, 1, [a, b], T0) with { Pot = 40, Phh = "not a phh", Nets = [-20, 20] });

        Assert.Equal([-20L], (await Stores.Hands.GetPlayerResultsAsync(a)).Select(r => r.Net));
        Assert.Equal([20L], (await Stores.Hands.GetPlayerResultsAsync(b)).Select(r => r.Net));
    }

    [Fact]
    public async Task A_sit_and_go_hand_counts_as_played_with_net_zero_its_stacks_being_tournament_chips()
    {
        var (a, b) = (await NewPlayer(), await NewPlayer());
        var table = await NewTable(TableType.SitAndGo);

        await Stores.Hands.SaveAsync(Hand(table, 1, [a, b], T0) with { Pot = 60, Rake = 0, Phh = Phh([1500, 1500], [1470, 1530]) });

        Assert.Equal([0L], (await Stores.Hands.GetPlayerResultsAsync(a)).Select(r => r.Net));
        Assert.Equal([(table, 0L, 60L)], (await Stores.Hands.GetPlayerResultsAsync(b)).Select(r => (r.TableId, r.Net, r.Pot)));
    }

    [Fact]
    public async Task A_hand_whose_phh_has_no_stacks_counts_as_played_with_net_zero_and_results_come_oldest_first()
    {
        var (a, b) = (await NewPlayer(), await NewPlayer());
        var (first, second) = (await NewTable(), await NewTable());
        await Stores.Hands.SaveAsync(Hand(second, 1, [a, b], T0.AddMinutes(5)) with { Phh = Phh([100, 100], [90, 110]) });
        await Stores.Hands.SaveAsync(Hand(first, 1, [b, a], T0));

        var results = await Stores.Hands.GetPlayerResultsAsync(a);

        Assert.Equal([(first, 1, 0L), (second, 0, -10L)], results.Select(r => (r.TableId, r.Seat, r.Net)));
    }

    [Fact]
    public async Task Leaderboard_ranks_people_of_the_period_by_profit_or_hands_with_shared_ranks_and_the_players_own_entry()
    {
        // Later than any other test's hands, so the period holds these hands only.
        var from = new DateTimeOffset(2061, 2, 3, 0, 0, 0, TimeSpan.Zero);
        var (a, b, c, d) = (await NewPlayer(), await NewPlayer(), await NewPlayer(), await NewPlayer());
        const long robot = Orleans.Poker.Grains.Robots.RobotStrategy.RobotIdBase + 41;
        var table = await NewTable();
        await Stores.Hands.SaveAsync(Hand(table, 1, [a, b, robot], from.AddDays(-1)) with { Phh = Phh([100, 100, 100], [300, 0, 0]) });
        await Stores.Hands.SaveAsync(Hand(table, 2, [a, b, robot], from.AddHours(1)) with { Phh = Phh([100, 100, 100], [150, 0, 150]) });
        await Stores.Hands.SaveAsync(Hand(table, 3, [c, b, robot], from.AddHours(2)) with { Phh = Phh([100, 100, 100], [150, 0, 150]) });
        await Stores.Hands.SaveAsync(Hand(table, 4, [d, b, robot], from.AddHours(3)) with { Phh = Phh([100, 100, 100], [120, 80, 100]) });

        var byProfit = await Stores.Hands.GetLeaderboardAsync(from, LeaderboardOrder.Profit, 2, b);
        var byHands = await Stores.Hands.GetLeaderboardAsync(from, LeaderboardOrder.Hands, 1, d);
        var nobody = await Stores.Hands.GetLeaderboardAsync(from.AddYears(1), LeaderboardOrder.Profit, 10, a);

        Assert.Equal([new LeaderboardEntry(1, a, null, 1, 50), new LeaderboardEntry(1, c, null, 1, 50)], byProfit.Top);
        Assert.Equal(4, byProfit.Ranked);
        Assert.Equal(new LeaderboardEntry(4, b, null, 3, -220), byProfit.Own);
        Assert.Equal([new LeaderboardEntry(1, b, null, 3, -220)], byHands.Top);
        Assert.Equal(new LeaderboardEntry(2, d, null, 1, 20), byHands.Own);
        Assert.Empty(nobody.Top);
        Assert.Equal((0, null), (nobody.Ranked, nobody.Own));
    }

    [Fact]
    public async Task Table_activity_counts_the_hands_since_a_time_with_their_average_pot_and_the_last_end()
    {
        var from = new DateTimeOffset(2042, 6, 7, 8, 0, 0, TimeSpan.Zero);
        var (a, b) = (await NewPlayer(), await NewPlayer());
        var (busy, quiet) = (await NewTable(), await NewTable());
        await Stores.Hands.SaveAsync(Hand(busy, 1, [a, b], from.AddMinutes(-5)) with { Pot = 1_000 });
        await Stores.Hands.SaveAsync(Hand(busy, 2, [a, b], from.AddMinutes(1)) with { Pot = 100 });
        await Stores.Hands.SaveAsync(Hand(busy, 3, [a, b], from.AddMinutes(2)) with { Pot = 205 });
        await Stores.Hands.SaveAsync(Hand(quiet, 1, [a, b], from.AddMinutes(-30)));

        var activity = await Stores.Hands.GetTableActivityAsync(from);

        Assert.Equal([new TableActivity(busy, 2, 152, from.AddMinutes(2).AddSeconds(40))], activity.Where(t => t.TableId == busy || t.TableId == quiet));
    }

    [Fact]
    public async Task Win_rates_count_peoples_cash_hands_of_the_span_in_big_blinds_leaving_out_robots_and_sit_and_go_hands()
    {
        var from = new DateTimeOffset(2050, 3, 4, 0, 0, 0, TimeSpan.Zero);
        var (a, b, c) = (await NewPlayer(), await NewPlayer(), await NewPlayer());
        var robot = RobotStrategy.RobotId("win-rates", 0);
        var (cash, stud, sitAndGo) = (await NewTable(), await NewTable(config: Stud), await NewTable(TableType.SitAndGo));
        await Stores.Hands.SaveAsync(Hand(cash, 1, [a, b, robot], from.AddHours(1)) with { Phh = Phh([100, 100, 100], [110, 94, 96]) });
        await Stores.Hands.SaveAsync(Hand(cash, 2, [a, b, robot], from.AddHours(2)) with { Phh = Phh([100, 100, 100], [100, 120, 80]) });
        await Stores.Hands.SaveAsync(Hand(cash, 3, [a, b, robot], from.AddHours(3)) with { Phh = Phh([100, 100, 100], [96, 100, 104]) });
        // Stud measures in its small bet (4): +8 is 2 of them.
        await Stores.Hands.SaveAsync(Hand(stud, 1, [a, c], from.AddHours(4)) with { Phh = Phh([100, 100], [108, 92]) });
        await Stores.Hands.SaveAsync(Hand(sitAndGo, 1, [a, c], from.AddHours(5)) with { Phh = Phh([1500, 1500], [3000, 0]) });
        await Stores.Hands.SaveAsync(Hand(cash, 4, [a, b], from.AddHours(-1)) with { Phh = Phh([100, 100], [200, 0]) });

        var rates = (await Stores.Analytics.GetWinRatesAsync(from, from.AddDays(1), 1)).Where(r => r.PlayerId == a || r.PlayerId == b || r.PlayerId == c || r.PlayerId == robot);
        var enough = (await Stores.Analytics.GetWinRatesAsync(from, from.AddDays(1), 4)).Where(r => r.PlayerId == a || r.PlayerId == b || r.PlayerId == c);

        Assert.Equal([new PlayerWinRate(a, 4, 14, 5), new PlayerWinRate(b, 3, 14, 7), new PlayerWinRate(c, 1, -8, -2)], rates);
        Assert.Equal(125, rates.First().BigBlindsPer100);
        Assert.Equal([a], enough.Select(r => r.PlayerId));
    }

    [Fact]
    public async Task Chip_flows_sum_per_shared_hand_what_one_lost_and_the_other_won_named_from_the_giver_leaving_out_robots_and_sit_and_go_hands()
    {
        var from = new DateTimeOffset(2051, 5, 6, 0, 0, 0, TimeSpan.Zero);
        var (a, b, c) = (await NewPlayer(), await NewPlayer(), await NewPlayer());
        var robot = RobotStrategy.RobotId("chip-flows", 0);
        var (cash, sitAndGo) = (await NewTable(), await NewTable(TableType.SitAndGo));
        await Stores.Hands.SaveAsync(Hand(cash, 1, [a, b, c], from.AddHours(1)) with { Phh = Phh([100, 100, 100], [90, 110, 100]) });
        await Stores.Hands.SaveAsync(Hand(cash, 2, [a, b, c], from.AddHours(2)) with { Phh = Phh([100, 100, 100], [80, 112, 108]) });
        await Stores.Hands.SaveAsync(Hand(cash, 3, [a, b, c], from.AddHours(3)) with { Phh = Phh([100, 100, 100], [104, 96, 100]) });
        await Stores.Hands.SaveAsync(Hand(cash, 4, [b, c], from.AddHours(4)) with { Phh = Phh([100, 100], [130, 70]) });
        await Stores.Hands.SaveAsync(Hand(cash, 5, [a, robot], from.AddHours(5)) with { Phh = Phh([100, 100], [50, 150]) });
        await Stores.Hands.SaveAsync(Hand(sitAndGo, 1, [a, b], from.AddHours(6)) with { Phh = Phh([1500, 1500], [0, 3000]) });
        await Stores.Hands.SaveAsync(Hand(cash, 6, [a, b], from.AddDays(2)) with { Phh = Phh([100, 100], [0, 200]) });

        bool Ours(PairChipFlow f) => new[] { a, b, c }.Contains(f.From) && new[] { a, b, c }.Contains(f.To);
        var all = (await Stores.Analytics.GetChipFlowsAsync(from, from.AddDays(1), 1, 0)).Where(f => f.From == robot || f.To == robot || Ours(f));
        var large = (await Stores.Analytics.GetChipFlowsAsync(from, from.AddDays(1), 1, 5)).Where(Ours);
        var often = (await Stores.Analytics.GetChipFlowsAsync(from, from.AddDays(1), 4, 0)).Where(Ours);

        // a to b: 10 + 12 chips, 4 back; a to c: 8; c to b: 30 (and none the other way) in 4 shared hands.
        Assert.Equal(
        [
            new PairChipFlow(a, b, 3, 22, 11, 4, 2),
            new PairChipFlow(a, c, 3, 8, 4, 0, 0),
            new PairChipFlow(c, b, 4, 30, 15, 0, 0),
        ], all);
        Assert.Equal([(a, b), (c, b)], large.Select(f => (f.From, f.To)));
        Assert.Equal([(c, b)], often.Select(f => (f.From, f.To)));
    }

    /// <summary>A PHH with the stacks before and after the hand (the store reads only those).</summary>
    protected static string Phh(long[] starting, long[] finishing) => new Engine.Phh.PhhDocument
    {
        Variant = "NT",
        Antes = [.. starting.Select(_ => 0L)],
        BlindsOrStraddles = [.. starting.Select((_, i) => i switch { 0 => 1L, 1 => 2L, _ => 0L })],
        MinBet = 2,
        StartingStacks = [.. starting],
        FinishingStacks = [.. finishing],
    }.ToToml();

    [Fact]
    public async Task Seat_and_waitlist_events_are_applied_in_order_and_a_replayed_batch_changes_nothing()
    {
        var table = await NewTable();
        var (ann, bob) = (await NewPlayer(), await NewPlayer());
        var batch = new[]
        {
            SeatHistoryEvent.WaitlistJoined(table, bob, T0),
            SeatHistoryEvent.SeatTaken(table, ann, 0, 100, T0.AddSeconds(1)),
            SeatHistoryEvent.SeatLeft(table, ann, 150, SeatLeftReason.Left, T0.AddMinutes(10)),
            SeatHistoryEvent.WaitlistEnded(table, bob, WaitlistOutcome.Seated, T0.AddMinutes(11)),
            SeatHistoryEvent.SeatTaken(table, bob, 0, 200, T0.AddMinutes(11)),
        };

        await Stores.SeatHistory.ApplyAsync(batch);
        await Stores.SeatHistory.ApplyAsync(batch);
        var history = await Stores.SeatHistory.GetTableHistoryAsync(table);

        Assert.Equal(
            [
                new SeatHistoryRow(table, 0, ann, 100, T0.AddSeconds(1), T0.AddMinutes(10), 150, SeatLeftReason.Left),
                new SeatHistoryRow(table, 0, bob, 200, T0.AddMinutes(11), null, null, null),
            ],
            history.Seats);
        Assert.Equal([new WaitlistHistoryRow(table, bob, T0, T0.AddMinutes(11), WaitlistOutcome.Seated)], history.Waits);
    }

    [Fact]
    public async Task Every_reason_for_leaving_a_seat_is_stored_and_read_back()
    {
        var table = await NewTable();
        var reasons = Enum.GetValues<SeatLeftReason>().Where(r => r != SeatLeftReason.Unknown).ToArray();
        var players = new long[reasons.Length];
        var events = new List<SeatHistoryEvent>();
        for (var i = 0; i < reasons.Length; i++)
        {
            players[i] = await NewPlayer();
            events.Add(SeatHistoryEvent.SeatTaken(table, players[i], i, 100, T0.AddMinutes(i)));
            events.Add(SeatHistoryEvent.SeatLeft(table, players[i], 100, reasons[i], T0.AddMinutes(i + 1)));
        }

        await Stores.SeatHistory.ApplyAsync(events);
        var history = await Stores.SeatHistory.GetTableHistoryAsync(table);

        Assert.Equal(reasons, players.Select(p => history.Seats.Single(s => s.PlayerId == p).Reason!.Value));
    }

    [Fact]
    public async Task A_row_left_open_by_a_lost_event_is_closed_as_unknown_and_a_close_ends_every_wait()
    {
        var table = await NewTable();
        var (ann, bob, cy) = (await NewPlayer(), await NewPlayer(), await NewPlayer());

        // Ann's leaving and Cy's first wait's end were lost; Bob takes Ann's seat, Cy queues again, then the table closes.
        await Stores.SeatHistory.ApplyAsync(
        [
            SeatHistoryEvent.SeatTaken(table, ann, 1, 100, T0),
            SeatHistoryEvent.WaitlistJoined(table, cy, T0),
            SeatHistoryEvent.SeatTaken(table, bob, 1, 100, T0.AddMinutes(5)),
            SeatHistoryEvent.WaitlistJoined(table, cy, T0.AddMinutes(6)),
            SeatHistoryEvent.SeatLeft(table, bob, 0, SeatLeftReason.TableClosed, T0.AddMinutes(7)),
            SeatHistoryEvent.WaitlistClosed(table, T0.AddMinutes(7)),
        ]);
        var history = await Stores.SeatHistory.GetTableHistoryAsync(table);

        Assert.Equal(
            [
                new SeatHistoryRow(table, 1, ann, 100, T0, T0.AddMinutes(5), null, SeatLeftReason.Unknown),
                new SeatHistoryRow(table, 1, bob, 100, T0.AddMinutes(5), T0.AddMinutes(7), 0, SeatLeftReason.TableClosed),
            ],
            history.Seats);
        Assert.Equal(
            [
                new WaitlistHistoryRow(table, cy, T0, T0.AddMinutes(6), WaitlistOutcome.Unknown),
                new WaitlistHistoryRow(table, cy, T0.AddMinutes(6), T0.AddMinutes(7), WaitlistOutcome.TableClosed),
            ],
            history.Waits);
    }

    [Fact]
    public async Task Waits_and_seat_times_are_counted_per_table_and_for_the_room()
    {
        var at = new DateTimeOffset(2032, 2, 3, 4, 0, 0, TimeSpan.Zero);
        var (first, second) = (await NewTable(), await NewTable());
        var p = new long[8];
        for (var i = 0; i < p.Length; i++)
        {
            p[i] = await NewPlayer();
        }

        var events = new List<SeatHistoryEvent> { SeatHistoryEvent.WaitlistJoined(first, p[0], at.AddMinutes(-1)) }; // before the range
        foreach (var (player, waited) in new[] { (p[1], 60), (p[2], 120), (p[3], 300) })
        {
            events.Add(SeatHistoryEvent.WaitlistJoined(first, player, at));
            events.Add(SeatHistoryEvent.WaitlistEnded(first, player, WaitlistOutcome.Seated, at.AddSeconds(waited)));
        }

        events.Add(SeatHistoryEvent.SeatTaken(first, p[1], 2, 100, at.AddSeconds(60)));
        events.Add(SeatHistoryEvent.SeatLeft(first, p[1], 80, SeatLeftReason.Left, at.AddSeconds(660)));
        events.Add(SeatHistoryEvent.WaitlistJoined(first, p[4], at));
        events.Add(SeatHistoryEvent.WaitlistEnded(first, p[4], WaitlistOutcome.Left, at.AddSeconds(10)));
        events.Add(SeatHistoryEvent.WaitlistJoined(first, p[5], at));
        events.Add(SeatHistoryEvent.WaitlistEnded(first, p[5], WaitlistOutcome.OfferExpired, at.AddSeconds(90)));
        events.Add(SeatHistoryEvent.WaitlistJoined(first, p[6], at));
        events.Add(SeatHistoryEvent.WaitlistJoined(second, p[7], at.AddMinutes(1)));
        events.Add(SeatHistoryEvent.WaitlistEnded(second, p[7], WaitlistOutcome.Seated, at.AddMinutes(1).AddSeconds(30)));
        events.Add(SeatHistoryEvent.SeatTaken(second, p[7], 0, 100, at.AddMinutes(1).AddSeconds(30)));
        await Stores.SeatHistory.ApplyAsync(events);

        var report = await Stores.SeatHistory.GetWaitsAsync(at, at.AddHours(1), null);
        var one = await Stores.SeatHistory.GetWaitsAsync(at, at.AddHours(1), second);
        var none = await Stores.SeatHistory.GetWaitsAsync(at.AddHours(1), at.AddHours(2), null);

        var expectedFirst = new WaitStats(first, 6, 3, 1, 1, 1, 160, 120, 264, 1, 600);
        var expectedSecond = new WaitStats(second, 1, 1, 0, 0, 0, 30, 30, 30, 1, null);
        Assert.Equal(new[] { expectedFirst, expectedSecond }.OrderBy(s => s.TableId, StringComparer.Ordinal), report.Tables.Select(Rounded));
        Assert.Equal(new WaitStats(null, 7, 4, 1, 1, 1, 127.5, 90, 246, 2, 600), Rounded(report.Room));
        Assert.Equal([expectedSecond], one.Tables.Select(Rounded));
        Assert.Equal(expectedSecond with { TableId = null }, Rounded(one.Room));
        Assert.Empty(none.Tables);
        Assert.Equal(new WaitStats(null, 0, 0, 0, 0, 0, null, null, null, 0, null), none.Room);
    }

    /// <summary>Floating-point figures to the microsecond, so that SQL's and .NET's arithmetic compare equal.</summary>
    private static WaitStats Rounded(WaitStats s)
    {
        static double? Round(double? value) => value is { } v ? Math.Round(v, 6) : null;
        return s with
        {
            AverageWaitSeconds = Round(s.AverageWaitSeconds), MedianWaitSeconds = Round(s.MedianWaitSeconds),
            P90WaitSeconds = Round(s.P90WaitSeconds), AverageSeatSeconds = Round(s.AverageSeatSeconds),
        };
    }

    protected static TemplateConfig Config { get; } = new()
    {
        Name = "Store test", Variant = "NT", SmallBlind = 1, BigBlind = 2, MinBuyIn = 40, MaxBuyIn = 200,
    };

    protected async Task<long> NewPlayer()
    {
        var id = Interlocked.Increment(ref _nextPlayer);
        await Stores.Players.UpsertAsync(new PlayerProfile { PlayerId = id, DisplayName = $"P{id}", CreatedAt = T0 }, T0);
        return id;
    }

    /// <summary>A table row (and its template version): ledger and hand rows reference it.</summary>
    /// <summary>A stud template: no blinds, bets of 4 and 8.</summary>
    protected static TemplateConfig Stud { get; } = Config with { Variant = "F7S", SmallBlind = 0, BigBlind = 0, Ante = 1, BringIn = 1, SmallBet = 4, BigBet = 8 };

    protected async Task<string> NewTable(TableType type = TableType.Persistent, TemplateConfig? config = null)
    {
        var template = $"tpl-{Guid.NewGuid():N}";
        await Stores.Tables.SaveTemplateVersionAsync(template, 1, config ?? Config, active: true, T0);
        var table = $"t-{Guid.NewGuid():N}";
        await Stores.Tables.UpsertTableAsync(new TableRecord(table, template, 1, null, type, TableStatus.Active, null, T0, null, null));
        return table;
    }

    private Task Append(long player, LedgerKind kind, long amount, long balanceAfter, string? table, DateTimeOffset? at = null) =>
        Stores.Ledger.AppendAsync(new LedgerEntry($"{kind}-{Guid.NewGuid():N}", player, kind, amount, balanceAfter, table, null, at ?? T0));

    protected static HandRecord Hand(string table, long number, long[] players, DateTimeOffset started) =>
        new(table, number, "NT", started, started.AddSeconds(40), players, 120, 5, $"variant = 'NT'\n# hand {number}\n");
}
