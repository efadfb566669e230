namespace Orleans.Poker.Migrations;

/// <summary>Options of a migration run beyond the connection string.</summary>
public sealed record MigrationOptions
{
    /// <summary>
    /// A folder of extra <c>*.sql</c> scripts applied together with the embedded ones, ordered with
    /// them by file name. Empty for the product's own scripts only.
    /// </summary>
    public string? ExtraScriptsDirectory { get; init; }

    /// <summary>Receives one line per applied script and progress notes; <c>null</c> for silence.</summary>
    public TextWriter? Log { get; init; }

    /// <summary>How long one script may run.</summary>
    public TimeSpan ScriptTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long to wait for another runner holding the migration lock.</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromMinutes(10);
}
