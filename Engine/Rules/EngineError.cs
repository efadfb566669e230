namespace Orleans.Poker.Engine.Rules;

/// <summary>A refused action: the code and a sentence saying what was wrong and what is allowed.</summary>
public sealed record EngineError(EngineErrorCode Code, string Message)
{
    public override string ToString() => $"{Code}: {Message}";
}
