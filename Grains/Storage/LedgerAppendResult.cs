using Orleans.Poker.Grains.Interfaces.Players;

namespace Orleans.Poker.Grains.Storage;

/// <summary>The outcome of <see cref="ILedgerStore.AppendAsync"/>: whether the row is new, and the row stored under its transfer id.</summary>
public sealed record LedgerAppendResult(bool Inserted, LedgerEntry Stored);
