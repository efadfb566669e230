namespace Orleans.Poker.BotFrontend.Handling;

/// <summary>Button data this bot never made (garbage, or cut short): the presser gets the polite "unknown" answer.</summary>
internal sealed class UnknownButtonException() : Exception("Unknown button data");
