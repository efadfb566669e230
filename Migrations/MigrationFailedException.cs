namespace Orleans.Poker.Migrations;

/// <summary>
/// A migration script failed. Its transaction was rolled back: the database is as it was after the
/// previous script, and the scripts applied before it in this run stay applied.
/// </summary>
public sealed class MigrationFailedException : Exception
{
    /// <summary>Creates the exception for the script that failed.</summary>
    public MigrationFailedException(string scriptName, IReadOnlyList<string> appliedBeforeFailure, Exception error)
        : base($"Migration {scriptName} failed and was rolled back: {Describe(error)}", error)
    {
        ScriptName = scriptName;
        AppliedBeforeFailure = appliedBeforeFailure;
    }

    /// <summary>PostgreSQL's error as one line: SQL state, message, detail and position.</summary>
    private static string Describe(Exception error)
    {
        if (error is not Npgsql.PostgresException pg)
        {
            return error.Message;
        }

        var text = $"{pg.SqlState}: {pg.MessageText}";
        if (!string.IsNullOrEmpty(pg.Detail))
        {
            text += $" ({pg.Detail})";
        }

        return pg.Position > 0 ? $"{text} at character {pg.Position} of the statement" : text;
    }

    /// <summary>The name of the script that failed, e.g. <c>0003_app_schema_v1.sql</c>.</summary>
    public string ScriptName { get; }

    /// <summary>Scripts this run applied (and committed) before the failing one.</summary>
    public IReadOnlyList<string> AppliedBeforeFailure { get; }
}
