using Orleans.Poker.Grains.Interfaces.Tables;
using Orleans.Poker.Grains.Interfaces.Templates;

namespace Orleans.Poker.Grains.Storage;

/// <summary>A table as stored in <c>tables</c>: what it was created from and where it is in its life.</summary>
[GenerateSerializer, Immutable, Alias("poker.table-record.v1")]
public sealed record TableRecord(
    [property: Id(0)] string TableId,
    [property: Id(1)] string TemplateId,
    [property: Id(2)] int TemplateVersion,
    [property: Id(3)] string? Name,
    [property: Id(4)] TableType Type,
    [property: Id(5)] TableStatus Status,
    [property: Id(6)] string? InviteCode,
    [property: Id(7)] DateTimeOffset CreatedAt,
    [property: Id(8)] DateTimeOffset? ExpiresAt,
    [property: Id(9)] DateTimeOffset? EndedAt);
