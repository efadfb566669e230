namespace Orleans.Poker.Grains.Interfaces.Templates;

/// <summary>
/// A player and a template's waitlist ("any table of this template"): their 1-based <see cref="Position"/> while queued;
/// else <see cref="TableId"/> names a table of the template to sit at — with <see cref="HeldUntil"/> when a freed seat
/// there is held for them (they were taken from the queue), without it when a seat was free as they asked to join.
/// All null: neither queued nor offered a seat.
/// </summary>
[GenerateSerializer, Immutable, Alias("poker.template-waitlist-status.v1")]
public sealed record TemplateWaitlistStatus(
    [property: Id(0)] string TemplateId,
    [property: Id(1)] int? Position,
    [property: Id(2)] string? TableId = null,
    [property: Id(3)] DateTimeOffset? HeldUntil = null);
