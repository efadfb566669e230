using Orleans.Poker.Engine.Cards;
using Orleans.Poker.Engine.Rules;

namespace Orleans.Poker.Engine.Phh;

/// <summary>
/// Writes a finished or in-progress <see cref="Hand"/> as a PHH document (the stored and exported format). A raked
/// hand records the chips raked as the user-defined field <c>_rake</c>.
/// </summary>
public static class PhhExport
{
    /// <summary>The whole hand, every card dealt (what is stored, and what admins read).</summary>
    public static PhhDocument ToPhhDocument(this Hand hand) => hand.ToPhhDocument(viewerSeat: null);

    /// <summary>
    /// The hand as the player at <paramref name="viewerSeat"/> may see it (null = every card): their own cards, cards
    /// dealt face up and cards shown at showdown are written; every other hole card and every discard of another
    /// player is PHH's unknown card <c>??</c>. PokerKit replays such a document to the same finishing stacks.
    /// </summary>
    public static PhhDocument ToPhhDocument(this Hand hand, int? viewerSeat)
    {
        ArgumentNullException.ThrowIfNull(hand);
        var shown = ShownCards(hand.Events);
        var config = hand.Config;
        var variant = config.Variant;
        var document = new PhhDocument
        {
            Variant = variant.Code,
            AnteTrimmingStatus = config.AnteTrimming,
            Antes = config.Antes.Count == 0 ? new List<long>(new long[config.PlayerCount]) : config.Antes.ToList(),
            StartingStacks = config.StartingStacks.ToList(),
        };
        if (variant.UsesBringIn)
        {
            document.BringIn = config.BringIn;
        }
        else
        {
            document.BlindsOrStraddles = config.BlindsOrStraddles.Count == 0 ? new List<long>(new long[config.PlayerCount]) : config.BlindsOrStraddles.ToList();
        }

        if (variant.Betting == BettingStructure.FixedLimit)
        {
            document.SmallBet = config.SmallBet;
            document.BigBet = config.BigBet;
        }
        else
        {
            document.MinBet = config.MinBet;
        }

        var holeOrder = new List<int>();
        var holeCards = new Dictionary<int, string>();
        var boardCards = string.Empty;

        void Flush()
        {
            foreach (var seat in holeOrder)
            {
                document.Actions.Add($"d dh p{seat + 1} {holeCards[seat]}");
            }

            holeOrder.Clear();
            holeCards.Clear();
            if (boardCards.Length > 0)
            {
                document.Actions.Add($"d db {boardCards}");
                boardCards = string.Empty;
            }
        }

        for (var i = 0; i < hand.Events.Count; i++)
        {
            var e = hand.Events[i];
            var p = $"p{e.Seat + 1}";
            switch (e.Kind)
            {
                case HandEventKind.HoleCardsDealt:
                    if (!holeCards.ContainsKey(e.Seat))
                    {
                        holeOrder.Add(e.Seat);
                        holeCards[e.Seat] = string.Empty;
                    }

                    holeCards[e.Seat] += viewerSeat is null || viewerSeat == e.Seat
                        ? e.Cards.ToString()
                        : e.Cards.Mask(e.UpMask | shown.GetValueOrDefault(i)).ToString();
                    continue;
                case HandEventKind.BoardDealt:
                    boardCards += e.Cards.ToString();
                    continue;
                case HandEventKind.StreetStarted:
                    Flush();
                    break;
                case HandEventKind.Folded:
                    Flush();
                    document.Actions.Add($"{p} f");
                    break;
                case HandEventKind.Checked:
                case HandEventKind.Called:
                    Flush();
                    document.Actions.Add($"{p} cc");
                    break;
                case HandEventKind.BetOrRaisedTo:
                    Flush();
                    document.Actions.Add($"{p} cbr {e.Amount}");
                    break;
                case HandEventKind.BringInPosted:
                    Flush();
                    document.Actions.Add($"{p} pb");
                    break;
                case HandEventKind.Discarded:
                    Flush();
                    document.Actions.Add($"{p} sd {(viewerSeat is null ? e : e.ForViewer(viewerSeat)).Cards}");
                    break;
                case HandEventKind.StoodPat:
                    Flush();
                    document.Actions.Add($"{p} sd");
                    break;
                case HandEventKind.Shown:
                    Flush();
                    document.Actions.Add($"{p} sm {e.Cards}");
                    break;
                case HandEventKind.Mucked:
                    Flush();
                    document.Actions.Add($"{p} sm");
                    break;
            }
        }

        Flush();
        if (hand.IsOver)
        {
            document.FinishingStacks = hand.Stacks.ToList();
            if (hand.Rake > 0)
            {
                // PHH has no rake: the finishing stacks only add up with the chips the table took, a user-defined field.
                document.Extra["_rake"] = hand.Rake;
            }
        }

        return document;
    }

    /// <summary>The hand as PHH TOML text.</summary>
    public static string ToPhh(this Hand hand) => hand.ToPhhDocument().ToToml();

    /// <summary>
    /// Stored PHH text (a whole hand) as the player at <paramref name="viewerSeat"/> may see it: the hand is replayed
    /// and its actions written for that player; every other field is kept.
    /// </summary>
    public static string ForPlayer(string phh, int viewerSeat)
    {
        var document = PhhDocument.Parse(phh);
        document.Actions = PhhReplay.Replay(document).ToPhhDocument(viewerSeat).Actions;
        return document.ToToml();
    }

    /// <summary>
    /// For each hole-card event (by index), bit i set when its card i is among the cards its player held and showed
    /// at showdown; a card discarded before the showdown stays unshown.
    /// </summary>
    private static Dictionary<int, int> ShownCards(IReadOnlyList<HandEvent> events)
    {
        var held = new Dictionary<int, List<(int Event, int Index, Card Card)>>();
        var shown = new Dictionary<int, int>();
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            if (!held.TryGetValue(e.Seat, out var cards))
            {
                held[e.Seat] = cards = [];
            }

            switch (e.Kind)
            {
                case HandEventKind.HoleCardsDealt:
                    for (var k = 0; k < e.Cards.Count; k++)
                    {
                        cards.Add((i, k, e.Cards[k]));
                    }

                    break;
                case HandEventKind.Discarded:
                case HandEventKind.Shown:
                    for (var k = 0; k < e.Cards.Count; k++)
                    {
                        var card = e.Cards[k];
                        var at = cards.FindIndex(c => c.Card == card);
                        if (at < 0)
                        {
                            continue;
                        }

                        if (e.Kind == HandEventKind.Shown)
                        {
                            shown[cards[at].Event] = shown.GetValueOrDefault(cards[at].Event) | (1 << cards[at].Index);
                        }

                        cards.RemoveAt(at);
                    }

                    break;
            }
        }

        return shown;
    }
}
