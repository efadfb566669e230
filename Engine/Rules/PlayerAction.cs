using Orleans.Poker.Engine.Cards;

namespace Orleans.Poker.Engine.Rules;

/// <summary>One action by a seat (or by the dealer: seat -1 for board dealing).</summary>
public readonly record struct PlayerAction(ActionKind Kind, int Seat, long Amount = 0, PackedCards Cards = default)
{
    public static PlayerAction Fold(int seat) => new(ActionKind.Fold, seat);

    public static PlayerAction CheckOrCall(int seat) => new(ActionKind.CheckOrCall, seat);

    /// <summary>Raise (or bet, or complete) to a total street bet of <paramref name="amount"/>.</summary>
    public static PlayerAction RaiseTo(int seat, long amount) => new(ActionKind.CompleteBetOrRaiseTo, seat, amount);

    public static PlayerAction BringIn(int seat) => new(ActionKind.PostBringIn, seat);

    public static PlayerAction Discard(int seat, params Card[] cards) => new(ActionKind.StandPatOrDiscard, seat, 0, PackedCards.From(cards));

    public static PlayerAction StandPat(int seat) => new(ActionKind.StandPatOrDiscard, seat);

    /// <summary>Show at showdown; with cards, they replace unknown hole cards (PHH replay).</summary>
    public static PlayerAction Show(int seat, params Card[] cards) => new(ActionKind.Show, seat, 0, PackedCards.From(cards));

    public static PlayerAction Muck(int seat) => new(ActionKind.Muck, seat);

    public static PlayerAction DealHole(int seat, params Card[] cards) => new(ActionKind.DealHole, seat, 0, PackedCards.From(cards));

    public static PlayerAction DealBoard(params Card[] cards) => new(ActionKind.DealBoard, -1, 0, PackedCards.From(cards));

    public override string ToString() => Kind switch
    {
        ActionKind.Fold => $"p{Seat + 1} f",
        ActionKind.CheckOrCall => $"p{Seat + 1} cc",
        ActionKind.CompleteBetOrRaiseTo => $"p{Seat + 1} cbr {Amount}",
        ActionKind.PostBringIn => $"p{Seat + 1} pb",
        ActionKind.StandPatOrDiscard => Cards.Count == 0 ? $"p{Seat + 1} sd" : $"p{Seat + 1} sd {Cards}",
        ActionKind.Show => Cards.Count == 0 ? $"p{Seat + 1} sm (show)" : $"p{Seat + 1} sm {Cards}",
        ActionKind.Muck => $"p{Seat + 1} sm",
        ActionKind.DealHole => $"d dh p{Seat + 1} {Cards}",
        ActionKind.DealBoard => $"d db {Cards}",
        _ => Kind.ToString(),
    };
}
