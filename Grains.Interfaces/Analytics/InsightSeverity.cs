namespace Orleans.Poker.Grains.Interfaces.Analytics;

/// <summary>How much an insight asks of the admins: info (logged, listed), warning and critical (also posted to the admins' chat).</summary>
public enum InsightSeverity
{
    Info,
    Warning,
    Critical,
}
