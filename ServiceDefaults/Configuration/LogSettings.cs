namespace Orleans.Poker.ServiceDefaults.Configuration;

/// <summary><c>POKER__Logging__*</c>: log format, level and an optional rolling file.</summary>
public sealed class LogSettings
{
    /// <summary><c>json</c> (compact JSON, one event per line) or <c>text</c>; production defaults to JSON.</summary>
    public string? Format { get; set; }

    public string Level { get; set; } = "Information";

    /// <summary>
    /// A log file path for hosts without a collector, e.g. <c>/var/log/poker/silo-.log</c>: rolled daily (the date is
    /// added before the extension) and at <see cref="FileSizeLimitBytes"/>, in the console's format. Unset: console only.
    /// </summary>
    public string? File { get; set; }

    /// <summary>Rolled files kept; older ones are deleted.</summary>
    public int RetainedFiles { get; set; } = 14;

    /// <summary>Size at which a file rolls over before the day ends.</summary>
    public long FileSizeLimitBytes { get; set; } = 100L * 1024 * 1024;
}
