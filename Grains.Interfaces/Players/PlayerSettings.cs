namespace Orleans.Poker.Grains.Interfaces.Players;

/// <summary>A player's own settings.</summary>
/// <param name="TurnPings">Whether the bot pings them when it is their turn at a table they have no live connection to (on by default).</param>
[GenerateSerializer, Immutable, Alias("poker.player-settings.v1")]
public sealed record PlayerSettings([property: Id(0)] bool TurnPings);
