using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.BotFrontend.Play;

/// <summary>
/// A player asked to type a custom bet/raise amount for this turn; <paramref name="Bet"/> when it opens the betting,
/// <paramref name="AllIn"/> the amount that puts them all-in (for the confirmation's words).
/// </summary>
internal sealed record PendingAmount(string TableId, TurnRef Turn, long Min, long Max, bool Bet, long AllIn);
