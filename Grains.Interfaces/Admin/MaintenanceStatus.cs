namespace Orleans.Poker.Grains.Interfaces.Admin;

/// <summary>The room's maintenance switch: on since when, by whom (0: the operations tooling), with what note for players.</summary>
[GenerateSerializer, Immutable, Alias("poker.maintenance-status.v1")]
public sealed record MaintenanceStatus(
    [property: Id(0)] bool On,
    [property: Id(1)] DateTimeOffset? Since = null,
    [property: Id(2)] long By = 0,
    [property: Id(3)] string? Message = null);
