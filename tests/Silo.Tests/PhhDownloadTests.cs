using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
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
        using var created = await ann.PostAsJsonAsync("/api/tables", new { templateId });
        created.EnsureSuccessStatusCode();
        var tableId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("table").GetProperty("tableId").GetString()!;
        foreach (var player in new[] { ann, bob })
        {
            using var sat = await player.PostAsJsonAsync($"/api/tables/{tableId}/sit", new { buyIn = 200 });
            sat.EnsureSuccessStatusCode();
        }

        await PlayFirstHand(tableId, ann, bob);
        var phh = await ann.GetStringAsync(new Uri($"/api/tables/{tableId}/hands/1/phh", UriKind.Relative));

        var replayed = ReplayInPokerKit(phh);
        Assert.Contains("finishing_stacks", phh, StringComparison.Ordinal);
        Assert.DoesNotContain("\nrake =", phh, StringComparison.Ordinal);
        Assert.Matches(@"\ntime = \d\d:\d\d:\d\d\n", phh);
        Assert.Matches(@": finishing_stacks = \[\d+, \d+\]", replayed);
        if (templateId == "nlhe-cash")
        {
            Assert.Matches(@"\n_rake = [1-9]", phh);
        }
    }

    private async Task<HttpClient> Guest(string name)
    {
        var http = factory.CreateClient();
        using var response = await http.PostAsJsonAsync("/api/auth/guest", new { name });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    /// <summary>
    /// Plays hand 1 through the REST routes: the first bet of a street goes to about ten big blinds (a raked pot),
    /// everything else checks, calls, brings in or draws one card, to a showdown. When nobody could act (the hand is
    /// not dealt yet) it awaits the table's next event, through an observer subscribed in the silo.
    /// </summary>
    private async Task PlayFirstHand(string tableId, params HttpClient[] players)
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
                    using var act = await player.PostAsJsonAsync($"/api/tables/{tableId}/act", Choose(view, mine, legal, ++seq));
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

    private static object Choose(JsonElement view, JsonElement mine, JsonElement legal, long seq)
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

        if (legal.GetProperty("canBetOrRaise").GetBoolean() && bets <= view.GetProperty("bigBlind").GetInt64() * 2)
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
