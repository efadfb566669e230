using Orleans.Poker.Engine.Rules;

namespace Orleans.Poker.Engine.Phh;

/// <summary>
/// Writes a finished or in-progress <see cref="Hand"/> as a PHH document (the stored and exported format). A raked
/// hand records the chips raked as the user-defined field <c>_rake</c>.
/// </summary>
public static class PhhExport
{
    public static PhhDocument ToPhhDocument(this Hand hand)
    {
        ArgumentNullException.ThrowIfNull(hand);
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

        foreach (var e in hand.Events)
        {
            var p = $"p{e.Seat + 1}";
            switch (e.Kind)
            {
                case HandEventKind.HoleCardsDealt:
                    if (!holeCards.ContainsKey(e.Seat))
                    {
                        holeOrder.Add(e.Seat);
                        holeCards[e.Seat] = string.Empty;
                    }

                    holeCards[e.Seat] += e.Cards.ToString();
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
                    document.Actions.Add($"{p} sd {e.Cards}");
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
}
