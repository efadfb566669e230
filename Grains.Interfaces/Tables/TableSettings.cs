namespace Orleans.Poker.Grains.Interfaces.Tables;

/// <summary>What a table's host may change for the next hand: the blinds and the turn time.</summary>
[GenerateSerializer, Immutable, Alias("poker.table-settings.v1")]
public sealed record TableSettings(
    [property: Id(0)] long SmallBlind,
    [property: Id(1)] long BigBlind,
    [property: Id(2)] TimeSpan TurnTime);
