namespace Orleans.Poker.Deploy.Tests;

/// <summary>
/// What the players did and what the database holds afterwards. A hand is voided when its number was started at a
/// table (hand numbers run 1..N; N is the highest any player saw or the database holds) but no row of
/// <c>hand_histories</c> has it. Chips are conserved when the wallets of the players, all of whom have left, plus the
/// rake of their tables' hands equal what the players were granted, and every wallet equals its ledger's sum.
/// </summary>
public sealed record PlayFigures(
    long HandsStarted,
    IReadOnlyList<string> HandsVoided,
    int ActionsAccepted,
    IReadOnlyList<string> ActionsFailed,
    int Retries,
    int Reconnects,
    int TimedOut,
    int Replays,
    long Granted,
    long Wallets,
    long Rake,
    string UnbalancedWallets)
{
    public override string ToString() =>
        $"hands started {HandsStarted}, voided {HandsVoided.Count}; actions accepted {ActionsAccepted}, failed after retries {ActionsFailed.Count} " +
        $"(retries {Retries}, hub reconnects {Reconnects}, turns lost to the clock {TimedOut}, repeats with the same clientSeq answered with the first answer {Replays}); chips granted {Granted}, wallets after leaving {Wallets} + rake {Rake}" +
        (HandsVoided.Count + ActionsFailed.Count > 0 ? "\n  " + string.Join("\n  ", HandsVoided.Concat(ActionsFailed)) : "");

    /// <summary>Nothing failed, nothing was voided, no chip appeared or vanished.</summary>
    public void AssertClean()
    {
        Assert.True(ActionsFailed.Count == 0, ToString());
        Assert.True(HandsVoided.Count == 0, ToString());
        Assert.True(Granted == Wallets + Rake, ToString());
        Assert.True(UnbalancedWallets.Length == 0, $"wallets that differ from their ledger: {UnbalancedWallets}");
        Assert.True(TimedOut == 0, ToString());
        Assert.True(HandsStarted > 0 && ActionsAccepted > 0 && Replays > 0, ToString());
    }
}
