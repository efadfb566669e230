using Orleans.Poker.Grains.Interfaces.Chat;

namespace Orleans.Poker.Gateway.Contracts;

/// <summary>The table hub's <c>chat</c> message: a line of a watched table's chat, posted or deleted.</summary>
public sealed record TableChatMessage(string TableId, ChatMessage Message);
