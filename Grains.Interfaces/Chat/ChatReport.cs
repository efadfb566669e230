namespace Orleans.Poker.Grains.Interfaces.Chat;

/// <summary>A chat message a player reported to the admins, with a copy of the message as it was reported.</summary>
[GenerateSerializer, Immutable, Alias("poker.chat-report.v1")]
public sealed record ChatReport(
    [property: Id(0)] long Id,
    [property: Id(1)] string TableId,
    [property: Id(2)] ChatMessage Message,
    [property: Id(3)] long ReporterId,
    [property: Id(4)] string? Reason,
    [property: Id(5)] DateTimeOffset At);
