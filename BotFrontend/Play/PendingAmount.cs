using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.BotFrontend.Play;

/// <summary>A player asked to type a custom bet/raise amount for this turn.</summary>
internal sealed record PendingAmount(string TableId, TurnRef Turn, long Min, long Max);
