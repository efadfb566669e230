namespace Orleans.Poker.Engine.Rules;

/// <summary>
/// What a viewer may see of a hand. <see cref="Viewer"/> is null for the public (spectator) view, which never
/// holds a face-down card; a private view adds that seat's own cards and, on its turn, its legal actions.
/// </summary>
public sealed record HandView(
    int? Viewer,
    string Variant,
    HandPhase Phase,
    int StreetIndex,
    int? Actor,
    PackedCards Board,
    IReadOnlyList<SeatView> Seats,
    IReadOnlyList<Pot> Pots,
    LegalActions? Legal);
