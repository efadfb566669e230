using System.Text.Json;
using System.Text.RegularExpressions;
using Orleans.Poker.Grains.Interfaces.Hands;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Gateway.Tests;

[Collection(GatewayCollection.Name)]
public sealed partial class PrivacyScanTests(GatewayFixture fixture)
{
    private const int Hands = 200;

    [Fact]
    public async Task No_payload_carries_another_players_hole_card_before_showdown_over_200_robot_hands()
    {
        var template = await fixture.NewTemplate(c => c with { Robots = 4, MaxPlayers = 6, PauseBetweenHands = TimeSpan.FromSeconds(1), MinBuyIn = 40, MaxBuyIn = 2000 });
        var a = await fixture.SignInGuest("Watcher A");
        var b = await fixture.SignInGuest("Watcher B");
        var table = (await fixture.CreateTable(a.AccessToken, template)).Table.TableId;
        var free = (await fixture.PublicSnapshot(table)).View.Seats.Where(s => s.PlayerId is null).Select(s => s.Seat).ToList();
        await fixture.Sit(a.AccessToken, table, free[0], 2000);
        await fixture.Sit(b.AccessToken, table, free[1], 2000);
        await using var clientA = await TableClient.Connect(fixture.Server, a.AccessToken, a.Player.Profile.PlayerId);
        await using var clientB = await TableClient.Connect(fixture.Server, b.AccessToken, b.Player.Profile.PlayerId);
        clientA.OnTurn = TableClient.Passive;
        clientB.OnTurn = (client, turn) => client.Act(turn, turn.Legal.CanCheck ? ActionKind.Check : ActionKind.Fold);
        await clientA.Watch(table);
        await clientB.Watch(table);
        var humans = new Dictionary<long, TableClient> { [a.Player.Profile.PlayerId] = clientA, [b.Player.Profile.PlayerId] = clientB };

        await PlayHands(table, humans);
        await clientA.WaitFor(() => clientA.Finished.Count(r => r.HandNo <= Hands) >= Hands, TimeSpan.FromSeconds(10));
        await clientB.WaitFor(() => clientB.Finished.Count(r => r.HandNo <= Hands) >= Hands, TimeSpan.FromSeconds(10));

        var holeCards = new Dictionary<long, HashSet<string>>();
        for (var hand = 1L; hand <= Hands; hand++)
        {
            var record = await fixture.Grains.GetGrain<IHandArchiveGrain>(0).GetHand(table, hand);
            holeCards[hand] = HoleCards(record?.Phh ?? throw new Xunit.Sdk.XunitException($"hand {hand} was not stored"));
        }

        var scanned = 0;
        foreach (var client in new[] { clientA, clientB })
        {
            Assert.DoesNotContain(client.TurnErrors, e => !e.Message.Contains("not_your_turn", StringComparison.Ordinal));
            HandPlayTests.AssertInOrderExactlyOnce(client);
            var finishedAt = client.Events.Where(e => e.Result is not null).GroupBy(e => e.Result!.HandNo).ToDictionary(g => g.Key, g => g.Min(e => e.EventSeq));
            var mine = client.Events.Where(e => e.Mine is not null).GroupBy(e => e.View.HandNo).ToDictionary(g => g.Key, g => g.SelectMany(e => e.Mine!.Cards).ToHashSet());
            foreach (var message in Messages(client.RawPayloads))
            {
                scanned++;
                // Before showdown = while somebody may still act (a betting round is open); at showdown and in
                // all-in run-outs the shown hands are public.
                if (message.HandNo is not { } hand || !holeCards.TryGetValue(hand, out var dealt) || !message.Betting
                    || (finishedAt.TryGetValue(hand, out var end) && message.EventSeq >= end))
                {
                    continue;
                }

                var own = mine.GetValueOrDefault(hand) ?? [];
                var leaked = message.Cards.Where(c => dealt.Contains(c) && !own.Contains(c)).ToList();
                Assert.True(leaked.Count == 0, $"player {client.PlayerId} saw {string.Join(",", leaked)} of hand {hand} before showdown in {message.Target} #{message.EventSeq}: {message.Description}");
            }
        }

        Assert.True(scanned > Hands * 10, $"only {scanned} messages scanned");
        Assert.True(clientA.Finished.Count >= Hands);
    }

    /// <summary>Lets robots think and hands start (grain time), waiting for the humans whenever it is their turn.</summary>
    private async Task PlayHands(string table, Dictionary<long, TableClient> humans)
    {
        for (var step = 0; step < Hands * 60; step++)
        {
            var snapshot = await fixture.PublicSnapshot(table);
            if (snapshot.View.HandNo > Hands || (snapshot.View.HandNo == Hands && snapshot.View.LastResult?.HandNo == Hands))
            {
                return;
            }

            if (snapshot.View.ActorSeat is { } seat && snapshot.View.Seats[seat].PlayerId is { } actor && humans.TryGetValue(actor, out var human))
            {
                await human.WaitFor(() => human.Events.LastOrDefault()?.EventSeq > snapshot.EventSeq, TimeSpan.FromSeconds(5));
                continue;
            }

            fixture.Time.Advance(TimeSpan.FromSeconds(1));
        }

        throw new Xunit.Sdk.XunitException("the hands did not finish");
    }

    /// <summary>Every hole card dealt in a PHH hand (<c>d dh pN CARDS</c>).</summary>
    private static HashSet<string> HoleCards(string phh) =>
        DealtHole().Matches(phh).SelectMany(m => Cards(m.Groups[1].Value)).Where(c => !c.Contains('?', StringComparison.Ordinal)).ToHashSet();

    private static IEnumerable<string> Cards(string text)
    {
        for (var i = 0; i + 1 < text.Length; i += 2)
        {
            yield return text.Substring(i, 2);
        }
    }

    /// <summary>Every SignalR invocation in the raw long-polling bodies, with its hand, sequence and every card-looking string.</summary>
    private static IEnumerable<(string Target, long? HandNo, long EventSeq, bool Betting, string? Description, List<string> Cards)> Messages(IEnumerable<string> bodies)
    {
        foreach (var body in bodies)
        {
            foreach (var frame in body.Split('\u001e', StringSplitOptions.RemoveEmptyEntries))
            {
                JsonDocument document;
                try
                {
                    document = JsonDocument.Parse(frame);
                }
                catch (JsonException)
                {
                    continue;
                }

                using (document)
                {
                    var root = document.RootElement;
                    if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("target", out var target) || !root.TryGetProperty("arguments", out var args) || args.GetArrayLength() == 0)
                    {
                        continue;
                    }

                    var payload = args[0];
                    long? hand = payload.ValueKind != JsonValueKind.Object ? null
                        : payload.TryGetProperty("view", out var view) ? view.GetProperty("handNo").GetInt64()
                        : payload.TryGetProperty("handNo", out var handNo) ? handNo.GetInt64()
                        : null;
                    var seq = payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("eventSeq", out var s) ? s.GetInt64() : long.MaxValue;
                    var betting = target.GetString() == "yourTurn"
                        || (payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("view", out var v) && v.TryGetProperty("actorSeat", out var actor) && actor.ValueKind == JsonValueKind.Number);
                    var description = payload.ValueKind == JsonValueKind.Object && payload.TryGetProperty("description", out var d) ? d.GetString() : null;
                    var cards = new List<string>();
                    Collect(payload, cards);
                    yield return (target.GetString()!, hand, seq, betting, description, cards);
                }
            }
        }
    }

    private static void Collect(JsonElement element, List<string> cards)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                foreach (Match match in CardRun().Matches(element.GetString()!))
                {
                    cards.AddRange(Cards(match.Value));
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Collect(item, cards);
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Collect(property.Value, cards);
                }

                break;
        }
    }

    [GeneratedRegex(@"d dh p\d+ ([2-9TJQKA?][cdhs?]+)")]
    private static partial Regex DealtHole();

    [GeneratedRegex(@"(?<![A-Za-z0-9])(?:[2-9TJQKA][cdhs])+(?![A-Za-z0-9])")]
    private static partial Regex CardRun();
}
