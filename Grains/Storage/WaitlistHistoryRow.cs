namespace Orleans.Poker.Grains.Storage;

/// <summary>One wait on a table's waitlist (<c>waitlist_history</c>): open while <see cref="LeftAt"/> is null.</summary>
public sealed record WaitlistHistoryRow(string TableId, long PlayerId, DateTimeOffset JoinedAt, DateTimeOffset? LeftAt, WaitlistOutcome? Outcome);
