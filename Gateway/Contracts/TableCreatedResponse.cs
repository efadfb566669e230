using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Gateway.Contracts;

/// <summary>A created table; private tables come with their invite (<c>tableId:code</c>, for POST /api/tables/join).</summary>
public sealed record TableCreatedResponse(TableSummary Table, string? Invite);
