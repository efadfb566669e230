namespace Orleans.Poker.BotFrontend.Telegram;

/// <summary>What became of an update offered to <see cref="UpdateProcessor.Accept"/>.</summary>
internal enum UpdateAcceptance
{
    /// <summary>Claimed and queued on its chat.</summary>
    Accepted,

    /// <summary>Processed before, by this process or another: dropped.</summary>
    Duplicate,

    /// <summary>The cluster could not record the claim: not processed, to be redelivered.</summary>
    Unavailable,
}
