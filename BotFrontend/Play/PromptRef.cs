using Orleans.Poker.BotFrontend.Sending;
using Orleans.Poker.Grains.Interfaces.Tables;

namespace Orleans.Poker.BotFrontend.Play;

/// <summary>A "your turn" message whose buttons are still live, its text and the turn it is for.</summary>
internal sealed record PromptRef(MessageSlot Slot, string Text, TurnRef Turn)
{
    public long ChatId => Slot.ChatId;
}
