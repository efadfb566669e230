using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Poker.Gateway.Auth;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Silo.Tests;

/// <summary>
/// Hand histories downloaded from a running silo are standard PHH: PokerKit itself (the shared folder's copy, run by
/// <c>tests/Engine.Tests/Corpus/pokerkit/replay.py</c>, copied beside these tests) loads every one and replays it to
/// its finishing stacks.
/// </summary>
public sealed class PhhDownloadTests : IClassFixture<SiloFactory>
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(60);
    private readonly SiloFactory factory;

    public PhhDownloadTests(SiloFactory factory) => this.factory = factory;

    [Theory]
    [InlineData("nlhe-cash")]
    [InlineData("plo")]
    [InlineData("omaha-hilo")]
    [InlineData("stud-hilo")]
    [InlineData("deuce-triple-draw")]
    public async Task A_downloaded_hand_history_loads_and_replays_in_PokerKit(string templateId)
    {
        var (ann, bob) = (await Guest("Ann"), await Guest("Bob"));
        var tableId = await SitDown(templateId, ann, bob);

        await PlayFirstHand(tableId, folder: null, ann.Http, bob.Http);
        var phh = await ann.Http.GetStringAsync(new Uri($"/api/tables/{tableId}/hands/1/phh", UriKind.Relative));

        var replayed = ReplayInPokerKit(phh);
        Assert.Contains("finishing_stacks", phh, StringComparison.Ordinal);
        Assert.DoesNotContain("\nrake =", phh, StringComparison.Ordinal);
        Assert.Matches(@"\ntime = \d\d:\d\d:\d\d\n", phh);
        Assert.Matches(@": finishing_stacks = \[\d+, \d+\]", replayed);
        if (templateId == "nlhe-cash")
        {
            Assert.Matches(@"\n_rake = [1-9]", phh);
        }

        await AssertEachSeesOnlyTheirCards(tableId, ann, bob);
    }

    [Theory]
    [InlineData("nlhe-cash")]
    [InlineData("stud-hilo")]
    [InlineData("deuce-triple-draw")]
    public async Task A_folded_hand_is_unknown_to_the_opponent_and_known_to_its_player_and_admins(string templateId)
    {
        var (ann, bob) = (await Guest("Ann"), await Guest("Bob"));
        var tableId = await SitDown(templateId, ann, bob);

        await PlayFirstHand(tableId, folder: bob.Http, ann.Http, bob.Http);

        var (_, _, bobSeat) = await AssertEachSeesOnlyTheirCards(tableId, ann, bob);
        var annCopy = await ann.Http.GetStringAsync(new Uri($"/api/tables/{tableId}/hands/1/phh", UriKind.Relative));
        Assert.Contains($"\np{bobSeat + 1} f", string.Join('\n', Actions(annCopy)), StringComparison.Ordinal);
    }

    /// <summary>
    /// Downloads hand 1 as an admin and as each player (both routes agree) and replays every copy in PokerKit. The
    /// admin's copy has every card. A player's copy has their own hole cards as dealt; another player's cards are the
    /// admin's or <c>??</c>, and the hole cards of a player who folded or mucked include <c>??</c> (a stud up card
    /// stays), while a player who showed every card has them all. Returns the copies and the second player's seat.
    /// </summary>
    private async Task<(string Admin, string[] Players, int LastSeat)> AssertEachSeesOnlyTheirCards(string tableId, params (HttpClient Http, long Id)[] players)
    {
        var admin = await Admin();
        var whole = await Copy(admin, tableId);
        Assert.DoesNotContain("??", whole, StringComparison.Ordinal);
        ReplayInPokerKit(whole);
        var summary = await admin.GetFromJsonAsync<JsonElement>(new Uri($"/api/tables/{tableId}/hands/1", UriKind.Relative));
        var ids = summary.GetProperty("playerIds").EnumerateArray().Select(e => e.GetInt64()).ToList();
        var all = Actions(whole);
        var copies = new List<string>();
        foreach (var (http, id) in players)
        {
            var copy = await Copy(http, tableId);
            ReplayInPokerKit(copy);
            copies.Add(copy);
            var seen = Actions(copy);
            Assert.Equal(all.Length, seen.Length);
            var viewer = $"p{ids.IndexOf(id) + 1}";
            for (var i = 0; i < all.Length; i++)
            {
                var seat = all[i].Split(' ') is ["d", "dh", var p, _] ? p : all[i].Split(' ')[0];
                if (seat == viewer || !seat.StartsWith('p'))
                {
                    Assert.Equal(all[i], seen[i]);
                    continue;
                }

                Assert.Equal(all[i].Length, seen[i].Length);
                for (var c = 0; c < all[i].Length; c++)
                {
                    Assert.True(seen[i][c] == all[i][c] || seen[i][c] == '?', $"{viewer} sees '{seen[i]}' for '{all[i]}'");
                }

                var hid = all.Contains($"{seat} f") || all.Contains($"{seat} sm");
                var dealt = Enumerable.Range(0, all.Length).Where(k => all[k].StartsWith($"d dh {seat} ", StringComparison.Ordinal)).ToList();
                if (hid)
                {
                    Assert.Contains(dealt, k => seen[k].Contains("??", StringComparison.Ordinal));
                }
                else if (all.Any(a => a.StartsWith($"{seat} sm ", StringComparison.Ordinal)) && !all.Any(a => a.StartsWith($"{seat} sd ", StringComparison.Ordinal)))
                {
                    Assert.All(dealt, k => Assert.Equal(all[k], seen[k]));
                }
            }
        }

        return (whole, copies.ToArray(), ids.IndexOf(players[^1].Id));
    }

    /// <summary>Hand 1's PHH as the caller downloads it; the hand's <c>phh</c> field says the same.</summary>
    private static async Task<string> Copy(HttpClient http, string tableId)
    {
        var phh = await http.GetStringAsync(new Uri($"/api/tables/{tableId}/hands/1/phh", UriKind.Relative));
        var hand = await http.GetFromJsonAsync<JsonElement>(new Uri($"/api/tables/{tableId}/hands/1", UriKind.Relative));
        Assert.Equal(phh, hand.GetProperty("phh").GetString());
        return phh;
    }

    private static string[] Actions(string phh) =>
        System.Text.RegularExpressions.Regex.Match(phh, @"\nactions = \[(.*)\]\n").Groups[1].Value
            .Split(", ").Select(a => a.Trim('\'', '"')).ToArray();

    private static async Task<string> SitDown(string templateId, params (HttpClient Http, long Id)[] players)
    {
        using var created = await players[0].Http.PostAsJsonAsync("/api/tables", new { templateId });
        created.EnsureSuccessStatusCode();
        var tableId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("table").GetProperty("tableId").GetString()!;
        foreach (var (http, _) in players)
        {
            using var sat = await http.PostAsJsonAsync($"/api/tables/{tableId}/sit", new { buyIn = 200 });
            sat.EnsureSuccessStatusCode();
        }

        return tableId;
    }

    private async Task<(HttpClient Http, long Id)> Guest(string name) =>
        await SignIn("/api/auth/guest", new { name });

    private async Task<HttpClient> Admin()
    {
        var initData = TelegramInitDataValidator.Sign(SiloFactory.AuthBotToken, new Dictionary<string, string>
        {
            ["user"] = JsonSerializer.Serialize(new { id = SiloFactory.AdminTelegramId, first_name = "Admin" }),
            ["auth_date"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        return (await SignIn("/api/auth/telegram", new { initData })).Http;
    }

    private async Task<(HttpClient Http, long Id)> SignIn(string route, object body)
    {
        var http = factory.CreateClient();
        using var response = await http.PostAsJsonAsync(route, body);
        response.EnsureSuccessStatusCode();
        var auth = await response.Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", auth.GetProperty("accessToken").GetString());
        return (http, auth.GetProperty("player").GetProperty("profile").GetProperty("playerId").GetInt64());
    }

    /// <summary>
    /// Plays hand 1 through the REST routes: the first bet of a street goes to about ten big blinds (a raked pot),
    /// everything else checks, calls, brings in or draws one card, to a showdown; the <paramref name="folder"/>, when
    /// given, folds instead of calling. When nobody could act (the hand is not dealt yet) it awaits the table's next
    /// event, through an observer subscribed in the silo.
    /// </summary>
    private async Task PlayFirstHand(string tableId, HttpClient? folder, params HttpClient[] players)
    {
        var grains = factory.Services.GetRequiredService<IGrainFactory>();
        var events = new RecordingObserver();
        var observer = grains.CreateObjectReference<ITableObserver>(events);
        await grains.GetGrain<ITableGrain>(tableId).Subscribe(observer);
        var clock = Stopwatch.StartNew();
        long seq = 0;
        while (clock.Elapsed < Within)
        {
            var (acted, seen) = (false, 0L);
            foreach (var player in players)
            {
                var state = await player.GetFromJsonAsync<JsonElement>(new Uri($"/api/tables/{tableId}/state", UriKind.Relative));
                var view = state.GetProperty("view");
                if (view.GetProperty("handNo").GetInt64() > 1 || (view.GetProperty("handNo").GetInt64() == 1 && view.GetProperty("lastResult").ValueKind == JsonValueKind.Object))
                {
                    grains.DeleteObjectReference<ITableObserver>(observer);
                    return;
                }

                seen = Math.Max(seen, state.GetProperty("eventSeq").GetInt64());
                if (state.TryGetProperty("mine", out var mine) && mine.ValueKind == JsonValueKind.Object
                    && mine.TryGetProperty("legal", out var legal) && legal.ValueKind == JsonValueKind.Object)
                {
                    using var act = await player.PostAsJsonAsync($"/api/tables/{tableId}/act", Choose(view, mine, legal, ++seq, player == folder));
                    act.EnsureSuccessStatusCode();
                    acted = true;
                }
            }

            if (!acted)
            {
                await events.WaitFor(e => e.EventSeq > seen, Within - clock.Elapsed);
            }
        }

        throw new Xunit.Sdk.XunitException($"hand 1 at {tableId} did not finish within {Within}");
    }

    private static object Choose(JsonElement view, JsonElement mine, JsonElement legal, long seq, bool folds)
    {
        var (handNo, turnId) = (view.GetProperty("handNo").GetInt64(), view.GetProperty("turnId").GetInt64());
        var bets = view.GetProperty("seats").EnumerateArray().Sum(s => s.GetProperty("bet").GetInt64());
        if (legal.TryGetProperty("discardMin", out var discardMin) && discardMin.ValueKind == JsonValueKind.Number)
        {
            return new { action = "Discard", handNo, turnId, cards = mine.GetProperty("cards").EnumerateArray().Take(1).Select(c => c.GetString()).ToArray(), clientSeq = seq };
        }

        if (legal.TryGetProperty("bringIn", out var bringIn) && bringIn.ValueKind == JsonValueKind.Number)
        {
            return new { action = "BringIn", handNo, turnId, clientSeq = seq };
        }

        if (folds && !legal.GetProperty("canCheck").GetBoolean())
        {
            return new { action = "Fold", handNo, turnId, clientSeq = seq };
        }

        if (!folds && legal.GetProperty("canBetOrRaise").GetBoolean() && bets <= view.GetProperty("bigBlind").GetInt64() * 2)
        {
            var to = Math.Clamp(Math.Max(view.GetProperty("bigBlind").GetInt64(), 2) * 10, legal.GetProperty("minRaiseTo").GetInt64(), legal.GetProperty("maxRaiseTo").GetInt64());
            return new { action = "BetOrRaise", handNo, turnId, amount = to, clientSeq = seq };
        }

        return new { action = legal.GetProperty("canCheck").GetBoolean() ? "Check" : "Call", handNo, turnId, clientSeq = seq };
    }

    /// <summary>Runs replay.py on the file with python3; its output line names the finishing stacks PokerKit reached.</summary>
    private static string ReplayInPokerKit(string phh)
    {
        var file = Path.Combine(Path.GetTempPath(), $"download-{Guid.NewGuid():N}.phh");
        File.WriteAllText(file, phh);
        try
        {
            var script = Path.Combine(AppContext.BaseDirectory, "pokerkit", "replay.py");
            var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(script);
            start.ArgumentList.Add(file);
            start.Environment["PYTHONPATH"] = Path.Combine(SharedFolder.Path, "pokerkit");
            using var python = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
            var output = python.StandardOutput.ReadToEndAsync();
            var errors = python.StandardError.ReadToEndAsync();
            Assert.True(python.WaitForExit(TimeSpan.FromMinutes(2)), "PokerKit did not finish");
            Assert.True(python.ExitCode == 0, $"PokerKit refused the downloaded PHH:\n{errors.Result}\n{phh}");
            return output.Result;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
