namespace Orleans.Poker.ServiceDefaults.Configuration;

/// <summary><c>POKER__Logging__*</c>: log format and level.</summary>
public sealed class LogSettings
{
    /// <summary><c>json</c> (compact JSON, one event per line) or <c>text</c>; production defaults to JSON.</summary>
    public string? Format { get; set; }

    public string Level { get; set; } = "Information";
}
