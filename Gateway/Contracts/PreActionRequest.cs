using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.Gateway.Contracts;

/// <summary>
/// A pre-selected action for the street in play of hand <see cref="HandNo"/>: <see cref="Kind"/> null clears it,
/// <see cref="Amount"/> is the amount to call a <c>Call</c> was chosen for.
/// </summary>
public sealed record PreActionRequest(long HandNo, PreActionKind? Kind = null, long Amount = 0);

/// <summary>The pre-action the table keeps for the caller (null: none).</summary>
public sealed record PreActionResponse(PreAction? PreAction);
