using System.ComponentModel;
using System.Diagnostics;
using Orleans.Poker.Engine.Phh;
using Orleans.Poker.Engine.Rules;

namespace Orleans.Poker.Engine.Tests.Corpus;

/// <summary>
/// PHH written by our engine loads in PokerKit (the shared folder's copy, run by <c>Corpus/pokerkit/replay.py</c> with
/// python3) and PokerKit replays it to the finishing stacks our engine reached. Missing python3 or PokerKit fails.
/// </summary>
public sealed class PokerKitReplayTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public void PokerKit_replays_engine_hands_of_every_variant_to_the_same_stacks()
    {
        var hands = PlayedHands(8).Select(h => (h.Name, h.Hand, Document: h.Hand.ToPhhDocument())).ToList();

        var results = ReplayWithPokerKit(hands);

        foreach (var (name, hand, _) in hands)
        {
            Assert.Equal(hand.Stacks, results[name]);
        }
    }

    [Fact]
    public void PokerKit_replays_every_players_copy_of_engine_hands_of_every_variant_to_the_same_stacks()
    {
        var hands = PlayedHands(4)
            .SelectMany(h => Enumerable.Range(0, h.Hand.PlayerCount)
                .Select(seat => (Name: $"{h.Name}_p{seat + 1}", h.Hand, Document: PhhDocument.Parse(PhhExport.ForPlayer(h.Hand.ToPhh(), seat)))))
            .ToList();

        var results = ReplayWithPokerKit(hands);

        Assert.Contains(hands, h => h.Document.Actions.Any(a => a.StartsWith("d dh", StringComparison.Ordinal) && a.EndsWith("????", StringComparison.Ordinal)));
        Assert.Contains(hands, h => h.Document.Actions.Any(a => a.Contains(" sd ??", StringComparison.Ordinal)));
        Assert.Contains(hands, h => h.Document.Actions.Any(a => a.StartsWith('p') && a.EndsWith(" sm", StringComparison.Ordinal)));
        foreach (var (name, hand, _) in hands)
        {
            Assert.Equal(hand.Stacks, results[name]);
        }
    }

    [Fact]
    public void PokerKit_loads_raked_hands_with_the_fields_the_server_adds_and_replays_them_to_the_same_stacks()
    {
        var hands = new List<(string Name, Hand Hand, PhhDocument Document)>();
        for (var seed = 1; seed <= 12; seed++)
        {
            var hand = Play(Config(Variants.NoLimitHoldem, seed, new RakeRule(500, 30, true)), seed);
            var document = hand.ToPhhDocument();
            document.Extra["table"] = "Tehran 1";
            document.Extra["hand"] = (long)(1000 + seed);
            document.Extra["players"] = Enumerable.Range(0, hand.PlayerCount).Select(i => (object)(i == 1 ? "سارا \"S\"" : $"Player {i + 1}")).ToList();
            document.Extra["seats"] = Enumerable.Range(0, hand.PlayerCount).Select(i => (object)(long)(i + 2)).ToList();
            document.Extra["seat_count"] = 9L;
            document.Extra["day"] = 2L;
            document.Extra["month"] = 12L;
            document.Extra["year"] = 2025L;
            document.Extra["time"] = new TimeOnly(14, 3, 22);
            document.Extra["time_zone"] = "UTC";
            document.Extra["rake"] = hand.Rake;
            hands.Add(($"raked_{seed}", hand, document));
        }

        var results = ReplayWithPokerKit(hands);

        Assert.Contains(hands, h => h.Hand.Rake > 0 && h.Hand.FinalPots.Count > 1);
        foreach (var (name, hand, document) in hands)
        {
            Assert.Equal(hand.Stacks, results[name]);
            Assert.Contains("time = 14:03:22\n", document.ToToml(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void PokerKit_replays_a_raked_hand_whose_main_and_side_pots_are_equal_but_raked_differently()
    {
        // 20, 50 and 100 all in: a main pot of 60 and a side pot of 60; the rake (10 %, 12 chips) comes from the main pot
        // first, so the two pots of 60 are raked 12 and 0. replay.py told them apart only by amount, and refused the file.
        var config = new HandConfig
        {
            Variant = Variants.NoLimitHoldem,
            StartingStacks = [20, 50, 100],
            Antes = [0, 0, 0],
            BlindsOrStraddles = [1, 2, 0],
            MinBet = 2,
            Rake = new RakeRule(1000, 0, false),
        };
        var hand = new Hand(config, Deck.Seeded(7, config.Variant.DeckSize));
        while (!hand.IsOver)
        {
            var legal = hand.GetLegalActions();
            hand.Apply(legal.CanShowOrMuck ? PlayerAction.Show(legal.Seat)
                : legal.CanBetOrRaise ? PlayerAction.RaiseTo(legal.Seat, legal.MaxRaiseTo) : PlayerAction.CheckOrCall(legal.Seat));
        }

        var document = hand.ToPhhDocument();
        document.Extra["rake"] = hand.Rake;

        var results = ReplayWithPokerKit([("equal_pots_raked", hand, document)]);

        Assert.Equal(12, hand.Rake);
        Assert.Equal(hand.Stacks, results["equal_pots_raked"]);
    }

    /// <summary>Hands of every variant, unraked, from seeds 1 to <paramref name="seeds"/>, named by variant and seed.</summary>
    private static IEnumerable<(string Name, Hand Hand)> PlayedHands(int seeds) =>
        Variants.All.SelectMany(variant => Enumerable.Range(1, seeds)
            .Select(seed => ($"{variant.Code.Replace('/', '_')}_{seed}", Play(Config(variant, seed, RakeRule.None), seed))));

    /// <summary>A hand of the variant with forced bets of its kind and stacks that often go all-in.</summary>
    private static HandConfig Config(Variant variant, int seed, RakeRule rake)
    {
        var random = new Random(seed * 31 + variant.Code.Length);
        var players = random.Next(2, variant.UsesBringIn ? 9 : variant.HasDraws ? 7 : 10);
        var stacks = Enumerable.Range(0, players).Select(_ => (long)random.Next(15, 400)).ToArray();
        var antes = new long[players];
        Array.Fill(antes, variant.UsesBringIn || random.Next(3) == 0 ? 1 : 0);
        var blinds = new long[players];
        if (!variant.UsesBringIn)
        {
            blinds[0] = 1;
            blinds[1] = 2;
        }

        var fixedLimit = variant.Betting == BettingStructure.FixedLimit;
        return new HandConfig
        {
            Variant = variant,
            StartingStacks = stacks,
            Antes = antes,
            BlindsOrStraddles = variant.UsesBringIn ? [] : blinds,
            BringIn = variant.UsesBringIn ? 2 : 0,
            SmallBet = fixedLimit ? 5 : 0,
            BigBet = fixedLimit ? 10 : 0,
            MinBet = fixedLimit ? 0 : 2,
            AnteTrimming = random.Next(2) == 0,
            Rake = rake,
        };
    }

    /// <summary>Plays the hand from a seeded deck with random legal actions: calls mostly, raises (all-ins often), folds, draws.</summary>
    private static Hand Play(HandConfig config, int seed)
    {
        var hand = new Hand(config, Deck.Seeded(seed, config.Variant.DeckSize));
        var random = new Random(seed);
        while (!hand.IsOver)
        {
            var legal = hand.GetLegalActions();
            var seat = legal.Seat;
            PlayerAction action;
            if (legal.CanDraw)
            {
                var cards = hand.HoleCards(seat).ToArray();
                random.Shuffle(cards);
                action = PlayerAction.Discard(seat, cards[..random.Next(legal.MinDiscard, legal.MaxDiscard + 1)]);
            }
            else if (legal.CanShowOrMuck)
            {
                action = legal.MustShow || random.Next(3) > 0 ? PlayerAction.Show(seat) : PlayerAction.Muck(seat);
            }
            else if (legal.CanBetOrRaise && random.Next(4) == 0)
            {
                var amount = random.Next(2) == 0 ? legal.MaxRaiseTo : random.NextInt64(legal.MinRaiseTo, legal.MaxRaiseTo + 1);
                action = PlayerAction.RaiseTo(seat, amount);
            }
            else if (legal.CanPostBringIn && (random.Next(2) == 0 || !legal.CanBetOrRaise))
            {
                action = PlayerAction.BringIn(seat);
            }
            else if (legal.CanFold && random.Next(8) == 0)
            {
                action = PlayerAction.Fold(seat);
            }
            else
            {
                action = legal.CanPostBringIn ? PlayerAction.RaiseTo(seat, legal.MinRaiseTo) : PlayerAction.CheckOrCall(seat);
            }

            hand.Apply(action);
        }

        return hand;
    }

    /// <summary>Writes the documents to files, runs replay.py on them and returns PokerKit's finishing stacks by name.</summary>
    private static Dictionary<string, long[]> ReplayWithPokerKit(List<(string Name, Hand Hand, PhhDocument Document)> hands)
    {
        var pokerKit = Path.Combine(SharedFolder.Path, "pokerkit");
        Assert.True(File.Exists(Path.Combine(pokerKit, "pokerkit", "__init__.py")),
            $"PokerKit is missing: expected its package at '{Path.Combine(pokerKit, "pokerkit")}' (the shared folder's copy of PokerKit 0.7.4)");
        var script = Path.Combine(AppContext.BaseDirectory, "Corpus", "pokerkit", "replay.py");
        Assert.True(File.Exists(script), $"replay.py is missing from the test output: '{script}'");

        var folder = Directory.CreateTempSubdirectory("pokerkit-replay-");
        try
        {
            var files = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (name, _, document) in hands)
            {
                var file = Path.Combine(folder.FullName, name + ".phh");
                File.WriteAllText(file, document.ToToml());
                files[file] = name;
            }

            var start = new ProcessStartInfo("python3")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                StandardOutputEncoding = System.Text.Encoding.UTF8,
                StandardErrorEncoding = System.Text.Encoding.UTF8,
            };
            start.ArgumentList.Add(script);
            foreach (var file in files.Keys)
            {
                start.ArgumentList.Add(file);
            }

            start.Environment["PYTHONPATH"] = pokerKit;
            start.Environment["PYTHONIOENCODING"] = "utf-8";
            Process process;
            try
            {
                process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
            }
            catch (Win32Exception e)
            {
                Assert.Fail($"python3 is needed to check our PHH with PokerKit and could not be started: {e.Message}");
                throw;
            }

            using (process)
            {
                var output = process.StandardOutput.ReadToEndAsync();
                var errors = process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit(Timeout))
                {
                    process.Kill(entireProcessTree: true);
                    Assert.Fail($"replay.py did not finish within {Timeout}");
                }

                Assert.True(process.ExitCode == 0, $"PokerKit refused PHH written by our engine (exit {process.ExitCode}):\n{errors.Result}");
                return ParseStacks(output.Result, files);
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static Dictionary<string, long[]> ParseStacks(string output, Dictionary<string, string> files)
    {
        const string Marker = ": finishing_stacks = [";
        var results = new Dictionary<string, long[]>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var at = line.LastIndexOf(Marker, StringComparison.Ordinal);
            Assert.True(at > 0 && line.EndsWith(']'), $"unexpected replay.py output line: {line}");
            var stacks = line[(at + Marker.Length)..^1]
                .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(long.Parse)
                .ToArray();
            results[files[line[..at]]] = stacks;
        }

        Assert.Equal(files.Count, results.Count);
        return results;
    }
}
