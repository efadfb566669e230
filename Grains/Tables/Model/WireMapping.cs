using System.Globalization;
using System.Text.RegularExpressions;
using Orleans.Poker.Engine.Cards;
using Orleans.Poker.Engine.Evaluation;
using Orleans.Poker.Engine.Rules;
using Orleans.Poker.Grains.Interfaces.Common;
using Orleans.Poker.Grains.Interfaces.Tables;
using EngineAction = Orleans.Poker.Engine.Rules.PlayerAction;
using WireAction = Orleans.Poker.Grains.Interfaces.Tables.PlayerAction;
using WireActionKind = Orleans.Poker.Grains.Interfaces.Tables.ActionKind;
using WireLegal = Orleans.Poker.Grains.Interfaces.Tables.LegalActions;

namespace Orleans.Poker.Grains.Tables.Model;

/// <summary>Engine ↔ wire: actions, legal actions, errors, cards and hand names.</summary>
public static partial class WireMapping
{
    /// <summary>The engine action for a wire action by engine seat <paramref name="seat"/>; bad cards are refused.</summary>
    public static EngineAction ToEngine(WireAction action, int seat) => action.Kind switch
    {
        WireActionKind.Fold => EngineAction.Fold(seat),
        WireActionKind.Check or WireActionKind.Call => EngineAction.CheckOrCall(seat),
        WireActionKind.BetOrRaise => EngineAction.RaiseTo(seat, action.Amount),
        WireActionKind.BringIn => EngineAction.BringIn(seat),
        WireActionKind.Discard => EngineAction.Discard(seat, ParseCards(action.Cards)),
        _ => throw new PokerException("invalid_action", $"Unknown action {action.Kind}"),
    };

    /// <summary>Cards as sent by a client (e.g. <c>As</c>); at most <see cref="PackedCards.Capacity"/>, each a real card.</summary>
    public static Card[] ParseCards(IReadOnlyList<string>? cards)
    {
        if (cards is null || cards.Count == 0)
        {
            return [];
        }

        if (cards.Count > PackedCards.Capacity)
        {
            throw new PokerException("invalid_cards", $"At most {PackedCards.Capacity} cards can be discarded");
        }

        var result = new Card[cards.Count];
        for (var i = 0; i < cards.Count; i++)
        {
            if (!Card.TryParse(cards[i], out result[i]) || !result[i].IsKnown)
            {
                throw new PokerException("invalid_cards", $"'{cards[i]}' is not a card (rank 2-9TJQKA then suit cdhs, e.g. As)");
            }
        }

        return result;
    }

    /// <summary>
    /// An engine refusal as the typed error callers get: 409 for the hand's state, 400 for the action itself. The
    /// engine names the hand's players as PHH does (<c>p1</c>, <c>p2</c>: their places in the hand, not the table's
    /// seats); <paramref name="nameOf"/> gives each place's name for players to read.
    /// </summary>
    public static PokerException ToPokerException(EngineError error, Func<int, string?>? nameOf = null)
    {
        var code = WireNames.SnakeCase(error.Code.ToString());
        var status = error.Code is EngineErrorCode.NotYourTurn or EngineErrorCode.HandOver or EngineErrorCode.WrongPhase ? 409 : 400;
        var message = nameOf is null ? error.Message : PlayerInHand().Replace(error.Message, m => nameOf(int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture) - 1) ?? m.Value);
        return new PokerException(code, message, status);
    }

    [GeneratedRegex(@"\bp(\d{1,2})\b")]
    private static partial Regex PlayerInHand();

    public static WireLegal ToWire(Engine.Rules.LegalActions legal) => new()
    {
        CanFold = legal.CanFold,
        CanCheck = legal.CanCheck,
        CallAmount = legal.CanCall ? legal.CallAmount : null,
        CanBetOrRaise = legal.CanBetOrRaise,
        MinRaiseTo = legal.MinRaiseTo,
        MaxRaiseTo = legal.MaxRaiseTo,
        BringIn = legal.CanPostBringIn ? legal.BringInAmount : null,
        DiscardMin = legal.CanDraw ? legal.MinDiscard : null,
        DiscardMax = legal.CanDraw ? legal.MaxDiscard : null,
    };

    public static string[] Strings(ReadOnlySpan<Card> cards)
    {
        var result = new string[cards.Length];
        for (var i = 0; i < cards.Length; i++)
        {
            result[i] = cards[i].ToString();
        }

        return result;
    }

    /// <summary>The wire form of a hand name: the kind in snake case (<c>two_pair</c>) and the ranks.</summary>
    public static ShownHand ToWire(HandName name) => new(WireNames.SnakeCase(name.Kind.ToString()), name.Ranks);
}
