namespace Orleans.Poker.ServiceDefaults.Configuration;

/// <summary>A setting holding several values in one environment variable, separated by commas, semicolons or spaces.</summary>
public static class ListSetting
{
    public static IReadOnlyList<string> Items(string? value) =>
        (value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
