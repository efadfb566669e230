namespace Orleans.Poker.Grains.Interfaces.Admin;

/// <summary>The next recipients of broadcast <see cref="BroadcastId"/>, leased to one bot process, by player id.</summary>
[GenerateSerializer, Immutable, Alias("poker.broadcast-page.v1")]
public sealed record BroadcastPage(
    [property: Id(0)] string BroadcastId,
    [property: Id(1)] string Text,
    [property: Id(2)] IReadOnlyList<BroadcastRecipient> Recipients);
