using System.Globalization;
using Orleans.Poker.Engine.Cards;
using Orleans.Poker.Engine.Rules;

namespace Orleans.Poker.Engine.Phh;

/// <summary>Builds a <see cref="Hand"/> from a PHH document and applies every action (the dealer's too).</summary>
public static class PhhReplay
{
    /// <summary>Replays the document; the hand's <see cref="Hand.Stacks"/> are then the finishing stacks.</summary>
    public static Hand Replay(PhhDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var hand = new Hand(document.ToConfig());
        for (var i = 0; i < document.Actions.Count; i++)
        {
            var line = i < document.ActionLines.Count && document.ActionLines[i] > 0 ? document.ActionLines[i] : (int?)null;
            if (!TryParseAction(document.Actions[i], hand.PlayerCount, out var action, out var problem))
            {
                throw new PhhFormatException($"'{document.Actions[i]}': {problem}", line, i);
            }

            if (action is not PlayerAction parsed)
            {
                continue;
            }

            if (!hand.TryApply(parsed, out var error))
            {
                throw new PhhFormatException($"'{document.Actions[i]}' is not legal here: {error!.Code}: {error.Message}", line, i);
            }
        }

        return hand;
    }

    /// <summary>Replays PHH text and returns the stacks at the end.</summary>
    public static IReadOnlyList<long> FinishingStacks(string text) => Replay(PhhDocument.Parse(text)).Stacks;

    /// <summary>
    /// Parses one PHH action (<c>d dh p1 AsKd</c>, <c>d db Jc3d5c</c>, <c>p2 cbr 60</c>, <c>p1 sd 7c2h</c>, <c>p2 sm</c>...).
    /// A comment-only or empty action gives null.
    /// </summary>
    public static bool TryParseAction(string text, int players, out PlayerAction? action, out string problem)
    {
        action = null;
        problem = string.Empty;
        var hash = text.IndexOf('#', StringComparison.Ordinal);
        var body = hash >= 0 ? text[..hash] : text;
        var words = body.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return true;
        }

        if (words[0] == "d")
        {
            if (words.Length == 3 && words[1] == "db")
            {
                if (!TryCards(words[2], out var board, out problem))
                {
                    return false;
                }

                action = PlayerAction.DealBoard(board);
                return true;
            }

            if (words.Length == 4 && words[1] == "dh")
            {
                if (!TrySeat(words[2], players, out var dealee, out problem) || !TryCards(words[3], out var cards, out problem))
                {
                    return false;
                }

                action = PlayerAction.DealHole(dealee, cards);
                return true;
            }

            problem = "a dealer action is 'd db CARDS' or 'd dh pN CARDS'";
            return false;
        }

        if (!TrySeat(words[0], players, out var seat, out problem))
        {
            return false;
        }

        if (words.Length < 2)
        {
            problem = "missing action code after the player";
            return false;
        }

        switch (words[1])
        {
            case "f" when words.Length == 2:
                action = PlayerAction.Fold(seat);
                return true;
            case "cc" when words.Length == 2:
                action = PlayerAction.CheckOrCall(seat);
                return true;
            case "pb" when words.Length == 2:
                action = PlayerAction.BringIn(seat);
                return true;
            case "cbr" when words.Length == 3:
                if (!TryAmount(words[2], out var amount))
                {
                    problem = $"'{words[2]}' is not a whole chip amount";
                    return false;
                }

                action = PlayerAction.RaiseTo(seat, amount);
                return true;
            case "sd" when words.Length is 2 or 3:
                Card[] discards = [];
                if (words.Length == 3 && !TryCards(words[2], out discards, out problem))
                {
                    return false;
                }

                action = PlayerAction.Discard(seat, discards);
                return true;
            case "sm" when words.Length == 2:
                action = PlayerAction.Muck(seat);
                return true;
            case "sm" when words.Length == 3:
                if (!TryCards(words[2], out var shown, out problem))
                {
                    return false;
                }

                action = PlayerAction.Show(seat, shown);
                return true;
            default:
                problem = $"unknown action '{string.Join(' ', words.Skip(1))}' (expected f, cc, cbr N, pb, sd [cards], sm [cards])";
                return false;
        }
    }

    private static bool TrySeat(string word, int players, out int seat, out string problem)
    {
        seat = -1;
        problem = string.Empty;
        if (word.Length < 2 || word[0] != 'p' || !int.TryParse(word.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1 || number > players)
        {
            problem = $"'{word}' is not a player p1..p{players}";
            return false;
        }

        seat = number - 1;
        return true;
    }

    private static bool TryCards(string word, out Card[] cards, out string problem)
    {
        problem = string.Empty;
        cards = [];
        if (word.Length % 2 != 0 || word.Length / 2 > PackedCards.Capacity)
        {
            problem = $"'{word}' is not a run of cards";
            return false;
        }

        var result = new Card[word.Length / 2];
        for (var i = 0; i < result.Length; i++)
        {
            if (!Card.TryParse(word.AsSpan(i * 2, 2), out result[i]))
            {
                problem = $"'{word.Substring(i * 2, 2)}' is not a card";
                return false;
            }
        }

        cards = result;
        return true;
    }

    private static bool TryAmount(string word, out long amount)
    {
        if (long.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out amount))
        {
            return true;
        }

        if (double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && Math.Abs(value - Math.Round(value)) < 1e-9 && value >= 0)
        {
            amount = (long)Math.Round(value);
            return true;
        }

        return false;
    }
}
