namespace Orleans.Poker.Migrations;

/// <summary>The scripts a database has applied and those still pending, each in order, by name.</summary>
/// <param name="Applied">Names recorded in the journal, in the order they were applied.</param>
/// <param name="Pending">Names of known scripts not applied yet, in the order they would be.</param>
public sealed record MigrationStatus(IReadOnlyList<string> Applied, IReadOnlyList<string> Pending);
