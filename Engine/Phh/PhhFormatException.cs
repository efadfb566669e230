namespace Orleans.Poker.Engine.Phh;

/// <summary>Malformed PHH: says where (TOML line and/or action index) and what was wrong.</summary>
public sealed class PhhFormatException : FormatException
{
    public PhhFormatException(string message, int? line = null, int? actionIndex = null, Exception? inner = null)
        : base(Compose(message, line, actionIndex), inner)
    {
        Line = line;
        ActionIndex = actionIndex;
        Reason = message;
    }

    /// <summary>1-based line in the TOML text, when known.</summary>
    public int? Line { get; }

    /// <summary>0-based index in the <c>actions</c> array, when the problem is an action.</summary>
    public int? ActionIndex { get; }

    public string Reason { get; }

    private static string Compose(string message, int? line, int? actionIndex)
    {
        var where = (line, actionIndex) switch
        {
            (int l, int a) => $"line {l}, action {a}: ",
            (int l, null) => $"line {l}: ",
            (null, int a) => $"action {a}: ",
            _ => string.Empty,
        };
        return where + message;
    }
}
