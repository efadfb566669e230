namespace Orleans.Poker.Engine.Rules;

public enum HandEventKind
{
    AntePosted,
    BlindPosted,
    BringInPosted,
    Folded,
    Checked,
    Called,
    BetOrRaisedTo,
    StreetStarted,
    CardBurnt,
    HoleCardsDealt,
    BoardDealt,
    Discarded,
    StoodPat,
    Shown,
    Mucked,
    UncalledBetReturned,
    BetsCollected,
    RakeTaken,
    PotAwarded,
    HandEnded,
}
