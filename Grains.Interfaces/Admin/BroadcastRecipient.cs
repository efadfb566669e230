namespace Orleans.Poker.Grains.Interfaces.Admin;

/// <summary>One player a broadcast goes to: their player id (the cursor) and their private chat with the bot.</summary>
[GenerateSerializer, Immutable, Alias("poker.broadcast-recipient.v1")]
public sealed record BroadcastRecipient([property: Id(0)] long PlayerId, [property: Id(1)] long ChatId);
